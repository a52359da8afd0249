-- The lot's runner-up rule, shown to bidders before they bid: at a sale the best other bidder's
-- hold is kept, and the car is offered to them if the winner defaults or cancels.
alter table lot add column second_chance boolean not null default false;
