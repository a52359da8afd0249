package com.goodcar.catalog.vehicle;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

@Schema(examples = """
        {"code": "AION-UT-SUPER", "specification": {"brand": "GAC AION", "name": "AION UT Super", "bodyType": "hatchback", "rangeKm": 500, "battery": "LFP 44.12 kWh", "batterySwapSeconds": 180, "cockpit": "14.6-inch screen, voice assistant", "wheelbaseMm": 2750, "rearLegroomMm": 920, "lateralSpaceMm": 1390, "recliningFrontSeats": true, "priceGuideMinFen": 8990000, "priceGuideMaxFen": 11990000}, "editions": [{"code": "AION-UT-SUPER-STD", "modelCode": "AION-UT-SUPER", "name": "Standard", "description": "500 km, 180 s battery swap", "listPriceFen": 10990000, "limitedQuantity": 5000, "listedAt": "2026-11-11T00:00:00Z"}]}
        """)
public record ModelView(String code, ModelSpecification specification, List<EditionView> editions) {

    static ModelView of(VehicleModel model, List<Edition> editions) {
        return new ModelView(model.code, model.specification(), editions.stream().map(EditionView::of).toList());
    }
}
