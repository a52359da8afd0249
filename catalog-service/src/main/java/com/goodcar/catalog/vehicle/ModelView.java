package com.goodcar.catalog.vehicle;

import java.util.List;

public record ModelView(String code, ModelSpecification specification, List<EditionView> editions) {

    static ModelView of(VehicleModel model, List<Edition> editions) {
        return new ModelView(model.code, model.specification(), editions.stream().map(EditionView::of).toList());
    }
}
