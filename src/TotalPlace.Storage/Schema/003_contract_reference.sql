-- The contract or purchase-order number a publisher gives for a line ("Contract Number", "PO Number"), so the waste
-- finder can say under how many contracts a shared supplier is paid. Added last: the bulk writers append columns in
-- table order. Portable SQL: the PostgreSQL engine applies this file too.
ALTER TABLE spend_transaction ADD COLUMN contract_ref TEXT;
