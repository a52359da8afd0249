package com.goodcar.catalog.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "campaign")
public class Campaign extends PanacheEntityBase {

    @Id
    public String code;
    public String title;
    @Column(name = "model_code")
    public String modelCode;
    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "closes_at")
    public Instant closesAt;
    /** Maintained on each first suggestion or vote of a person, so reading it costs nothing. */
    @Column(name = "participant_count", insertable = false, updatable = false)
    public long participantCount;

    boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
