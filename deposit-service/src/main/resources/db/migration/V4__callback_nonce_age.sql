-- the prune of nonces no replay can use any more scans by age
create index callback_nonce_received_at on callback_nonce (received_at);
