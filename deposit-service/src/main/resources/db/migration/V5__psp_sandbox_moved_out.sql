-- The PSP sandbox is its own process with its own database (psp-sandbox): a test double's tables
-- have no place in a merchant's database, production's least of all.
drop table if exists psp_delivery;
drop table if exists psp_notification;
drop table if exists psp_refund;
drop table if exists psp_payment;
