package com.goodcar.auction.bidding;

/**
 * Where a lot's writer hands each committed state, to reach its watchers (the live stream): the
 * writer knows this port only, so the bid's path runs one way, HTTP → writer → commit → feed.
 */
public interface LotFeed {

    /** Called after each commit, on the writer's thread: must be cheap whatever the number of watchers. */
    void publish(LotView view);
}
