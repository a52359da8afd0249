package com.goodcar.catalog.vehicle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "vehicle_model")
public class VehicleModel extends PanacheEntityBase {

    @Id
    public String code;
    public String brand;
    public String name;
    @Column(name = "body_type")
    public String bodyType;
    @Column(name = "range_km")
    public int rangeKm;
    public String battery;
    @Column(name = "battery_swap_seconds")
    public Integer batterySwapSeconds;
    public String cockpit;
    @Column(name = "wheelbase_mm")
    public int wheelbaseMm;
    @Column(name = "rear_legroom_mm")
    public int rearLegroomMm;
    @Column(name = "lateral_space_mm")
    public int lateralSpaceMm;
    @Column(name = "reclining_front_seats")
    public boolean recliningFrontSeats;
    @Column(name = "price_guide_min_fen")
    public long priceGuideMinFen;
    @Column(name = "price_guide_max_fen")
    public long priceGuideMaxFen;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    void apply(ModelSpecification spec, Instant now) {
        brand = spec.brand();
        name = spec.name();
        bodyType = spec.bodyType();
        rangeKm = spec.rangeKm();
        battery = spec.battery();
        batterySwapSeconds = spec.batterySwapSeconds();
        cockpit = spec.cockpit();
        wheelbaseMm = spec.wheelbaseMm();
        rearLegroomMm = spec.rearLegroomMm();
        lateralSpaceMm = spec.lateralSpaceMm();
        recliningFrontSeats = spec.recliningFrontSeats();
        priceGuideMinFen = spec.priceGuideMinFen();
        priceGuideMaxFen = spec.priceGuideMaxFen();
        updatedAt = now;
    }

    ModelSpecification specification() {
        return new ModelSpecification(brand, name, bodyType, rangeKm, battery, batterySwapSeconds, cockpit,
                wheelbaseMm, rearLegroomMm, lateralSpaceMm, recliningFrontSeats, priceGuideMinFen, priceGuideMaxFen);
    }
}
