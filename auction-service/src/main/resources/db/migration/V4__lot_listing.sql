-- GET /auctions: the lots still to come or open, soonest end first, without reading the closed ones
create index lot_current on lot (ends_at, id) where closed_at is null;
