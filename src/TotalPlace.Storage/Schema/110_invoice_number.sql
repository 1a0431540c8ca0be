-- The supplier's invoice number where a publisher gives it beside the transaction number ("Invoice Number"), so the
-- duplicate-payment finder can key on the bill rather than on the payment (every payment has its own transaction
-- number). Added last: the bulk writers append columns in table order. Portable SQL: the PostgreSQL engine applies
-- this file too.
ALTER TABLE spend_transaction ADD COLUMN invoice_number TEXT;

-- What a finding's review needs without re-running the analysis, and what the review page filters and sorts on in
-- the query (never in memory): the evidence score, the spend an estimated saving applies to and its assumption, the
-- partners concerned ('|A|B|', so one partner is a LIKE), and the lines behind a duplicate as JSON.
ALTER TABLE waste_finding ADD COLUMN score DECIMAL(5,2);
ALTER TABLE waste_finding ADD COLUMN spend_concerned DECIMAL(38,4);
ALTER TABLE waste_finding ADD COLUMN assumption TEXT;
ALTER TABLE waste_finding ADD COLUMN partners TEXT;
ALTER TABLE waste_finding ADD COLUMN lines TEXT;
