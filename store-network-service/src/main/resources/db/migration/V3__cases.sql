-- After-sales cases on delivered cars, each assigned by rule to the party that answers for it:
-- the manufacturer (a quality defect), the platform (delivery damage, or work at an own store), or
-- the partner outlet that did the job (workmanship). OPEN until answered by respond_by.
create table after_sales_case (
    id                text primary key,
    user_id           text        not null,
    order_id          text        not null,
    booking_id        text,
    kind              text        not null check (kind in ('QUALITY_DEFECT', 'DELIVERY_DAMAGE', 'WORKMANSHIP')),
    responsible       text        not null check (responsible in ('MANUFACTURER', 'PLATFORM', 'OUTLET')),
    outlet_id         text,
    description       text        not null,
    state             text        not null check (state in ('OPEN', 'ANSWERED', 'REPAIR_BOOKED', 'CLOSED')),
    respond_by        timestamptz not null,
    answer            text,
    answered_at       timestamptz,
    repair_booking_id text,
    resolution        text,
    closed_at         timestamptz,
    opened_at         timestamptz not null,
    updated_at        timestamptz not null,
    check ((responsible = 'OUTLET') = (outlet_id is not null))
);
create index case_by_user on after_sales_case (user_id, opened_at);
create index case_by_outlet on after_sales_case (outlet_id, opened_at) where outlet_id is not null;
-- the overdue scan and list read only cases still waiting for an answer
create index case_waiting on after_sales_case (respond_by) where state = 'OPEN';
