package com.goodcar.contracts.store;

import com.goodcar.contracts.IntegrationEvent;
import java.time.Instant;

/** The party responsible for a case answered it ({@code inTime}: before its response deadline). */
public record CaseAnswered(String caseId, String responsible, boolean inTime, Instant answeredAt)
        implements IntegrationEvent {
    @Override
    public String aggregateId() {
        return caseId;
    }
}
