-- The car of the seed story: GAC Aion UT super, its "National Good Car No. 001" edition, and the
-- co-creation campaign. Prices are fen: 100,000 yuan = 10,000,000 fen.
insert into vehicle_model (code, brand, name, body_type, range_km, battery, battery_swap_seconds, cockpit,
                           wheelbase_mm, rear_legroom_mm, lateral_space_mm, reclining_front_seats,
                           price_guide_min_fen, price_guide_max_fen, created_at, updated_at)
values ('AION-UT-SUPER', 'GAC Aion', 'Aion UT super', 'A-class hatchback', 500,
        'CATL "chocolate" swappable battery pack', 99, 'GAC-Huawei cloud cockpit (cloud compute, TB-class storage)',
        2750, 905, 1385, true, 10000000, 12000000, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z');

insert into edition (code, model_code, name, description, list_price_fen, limited_quantity, listed_at, updated_at)
values ('AION-UT-SUPER-NGC001', 'AION-UT-SUPER', 'National Good Car No. 001',
        'The one-off No. 001 special edition, sold by auction from 1 yuan with a 100-yuan deposit.',
        11990000, 1, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z'),
       ('AION-UT-SUPER-STD', 'AION-UT-SUPER', 'Standard',
        'The series edition, on sale at a fixed price from Double 11.',
        11990000, null, '2026-10-01T00:00:00Z', '2026-10-01T00:00:00Z');

insert into campaign (code, title, model_code, opens_at, closes_at)
values ('defined-by-you', 'National Good Car, Defined by You', 'AION-UT-SUPER',
        '2026-09-01T00:00:00Z', '2027-09-01T00:00:00Z');
