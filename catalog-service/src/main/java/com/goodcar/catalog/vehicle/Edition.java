package com.goodcar.catalog.vehicle;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "edition")
public class Edition extends PanacheEntityBase {

    @Id
    public String code;
    @Column(name = "model_code")
    public String modelCode;
    public String name;
    public String description;
    @Column(name = "list_price_fen")
    public long listPriceFen;
    @Column(name = "limited_quantity")
    public Integer limitedQuantity;
    @Column(name = "listed_at")
    public Instant listedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
