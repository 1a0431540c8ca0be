-- The supplier's invoice number where a publisher gives it beside the transaction number ("Invoice Number"), so the
-- duplicate-payment finder can key on the bill rather than on the payment (every payment has its own transaction
-- number). Added last: the bulk writers append columns in table order. Portable SQL: the PostgreSQL engine applies
-- this file too.
ALTER TABLE spend_transaction ADD COLUMN invoice_number TEXT;
