-- Imitates: a subscription billing engine (plans, subscriptions, invoices, line items).
-- Exercises: domains with CHECK used by columns; a composite type used by a column; a
-- user aggregate (CREATE AGGREGATE) with its state function; numeric without precision,
-- numeric(12,2), interval, date; generated STORED column; SQL-language function;
-- composite primary key; composite foreign key; FK ON DELETE CASCADE; CHECK constraints.

CREATE DOMAIN posint AS int CHECK (VALUE > 0);
CREATE DOMAIN currency_code AS char(3) CHECK (VALUE ~ '^[A-Z]{3}$');
CREATE DOMAIN money_amount AS numeric(12,2) NOT NULL DEFAULT 0 CHECK (VALUE >= 0);

CREATE TYPE billing_period AS (starts_on date, ends_on date);
CREATE TYPE pair AS (a int, b text);

CREATE TABLE plans (
    code          varchar(30) PRIMARY KEY,
    name          text NOT NULL,
    price         money_amount,
    currency      currency_code NOT NULL DEFAULT 'USD',
    billing_every interval NOT NULL DEFAULT '1 month',
    seat_limit    posint,
    sort_no       serial NOT NULL
);

CREATE TABLE subscriptions (
    id            bigserial PRIMARY KEY,
    plan_code     varchar(30) NOT NULL REFERENCES plans (code),
    customer_ref  text NOT NULL,
    seats         posint NOT NULL DEFAULT 1,
    trial_ends_on date,
    started_at    timestamptz NOT NULL DEFAULT now(),
    cancelled_at  timestamptz,
    CHECK (cancelled_at IS NULL OR cancelled_at >= started_at)
);

CREATE TABLE invoices (
    subscription_id bigint NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
    invoice_no      posint NOT NULL,
    period          billing_period NOT NULL,
    tax_rate        numeric NOT NULL DEFAULT 0.2,
    subtotal        money_amount,
    tax             numeric(12,2) GENERATED ALWAYS AS (round(subtotal * tax_rate, 2)) STORED,
    extra           pair,
    issued_on       date NOT NULL DEFAULT CURRENT_DATE,
    PRIMARY KEY (subscription_id, invoice_no)
);

CREATE TABLE invoice_items (
    subscription_id bigint NOT NULL,
    invoice_no      integer NOT NULL,
    line_no         smallint NOT NULL,
    description     text NOT NULL,
    amount          money_amount,
    PRIMARY KEY (subscription_id, invoice_no, line_no),
    FOREIGN KEY (subscription_id, invoice_no)
        REFERENCES invoices (subscription_id, invoice_no) ON DELETE CASCADE
);

-- Aggregate: sum of amounts, ignoring anything flagged negative by mistake.
CREATE FUNCTION nonneg_sum_step(state numeric, val numeric) RETURNS numeric
LANGUAGE sql IMMUTABLE AS $$ SELECT state + greatest(coalesce(val, 0), 0) $$;
CREATE AGGREGATE nonneg_sum(numeric) (
    SFUNC = nonneg_sum_step,
    STYPE = numeric,
    INITCOND = '0'
);

CREATE FUNCTION invoice_total(sub bigint, inv integer) RETURNS numeric
LANGUAGE sql STABLE AS $$
    SELECT nonneg_sum(amount) FROM invoice_items
    WHERE subscription_id = sub AND invoice_no = inv
$$;

INSERT INTO plans (code, name, price, seat_limit) VALUES
    ('starter', 'Starter', 9.00, 3), ('team', 'Team', 49.00, 25);
INSERT INTO plans (code, name, currency) VALUES ('free', 'Free', 'EUR');
INSERT INTO subscriptions (plan_code, customer_ref, seats) VALUES ('team', 'cus_123', 10);
INSERT INTO invoices (subscription_id, invoice_no, period, subtotal, extra) VALUES
    (1, 1, ROW('2024-01-01', '2024-01-31'), 490.00, ROW(7, 'promo'));
INSERT INTO invoice_items VALUES (1, 1, 1, 'Team plan x10', 490.00), (1, 1, 2, 'Credit', 0);
