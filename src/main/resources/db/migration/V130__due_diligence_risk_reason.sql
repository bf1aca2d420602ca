-- Why the risk tier is what it is: the highest classification the decision table was asked with and the descriptions
-- of the rules that matched, kept with the review so the security review shows the reason the register recorded.
alter table due_diligence add column highest_classification varchar(16);
alter table due_diligence add column risk_rules varchar(1000);
