-- the idempotency key a refund is sent with: its id, until an operator retries a refund the provider
-- rejected (a provider replays a rejection for the same key; the amount cap still forbids a double refund)
alter table refund add column provider_key text;
