-- Shipped by service-kit: the W3C traceparent of the span that staged the message (the request's or
-- the consumed event's), null where none was current; the relay sends the message as its child.
alter table outbox_message add column traceparent text;
