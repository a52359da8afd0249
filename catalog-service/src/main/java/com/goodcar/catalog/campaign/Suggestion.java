package com.goodcar.catalog.campaign;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "suggestion")
public class Suggestion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "campaign_code")
    public String campaignCode;
    @Column(name = "author_id")
    public String authorId;
    public String title;
    public String body;
    /** Counted by the vote that inserts the (suggestion, voter) row, in the same transaction. */
    @Column(name = "vote_count", insertable = false, updatable = false)
    public long voteCount;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
}
