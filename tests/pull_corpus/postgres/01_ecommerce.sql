-- Imitates: a small e-commerce storefront (customers, products, orders, order lines).
-- Exercises: serial / bigserial sole primary keys; varchar(n), varchar without length,
-- numeric(12,2), boolean, timestamptz, text; defaults now(), CURRENT_TIMESTAMP, literal
-- strings, numbers, booleans; CHECK constraints; foreign keys ON DELETE CASCADE and
-- ON DELETE SET NULL; multi-column UNIQUE constraint; expression index on lower(email);
-- partial index WHERE deleted_at IS NULL; unique index; a view; COMMENT ON TABLE/COLUMN.

CREATE TABLE customers (
    id          serial PRIMARY KEY,
    email       varchar(254) NOT NULL,
    full_name   varchar NOT NULL,
    phone       varchar(32),
    is_vip      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX customers_email_lower_key ON customers (lower(email));
CREATE INDEX customers_active_idx ON customers (created_at) WHERE deleted_at IS NULL;
COMMENT ON TABLE customers IS 'People who have placed or may place orders';
COMMENT ON COLUMN customers.email IS 'Login e-mail; compared case-insensitively';

CREATE TABLE products (
    id           serial PRIMARY KEY,
    sku          varchar(40) NOT NULL UNIQUE,
    title        text NOT NULL,
    price        numeric(12,2) NOT NULL CHECK (price >= 0),
    currency     char(3) NOT NULL DEFAULT 'EUR',
    stock        integer NOT NULL DEFAULT 0,
    active       boolean NOT NULL DEFAULT true,
    updated_at   timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT products_stock_nonneg CHECK (stock >= 0)
);

CREATE TABLE orders (
    id           bigserial PRIMARY KEY,
    customer_id  integer REFERENCES customers (id) ON DELETE SET NULL,
    status       varchar(20) NOT NULL DEFAULT 'cart'
                 CHECK (status IN ('cart', 'placed', 'paid', 'shipped', 'cancelled')),
    total        numeric(12,2) NOT NULL DEFAULT 0.00,
    note         text DEFAULT '',
    placed_at    timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_recent_idx ON orders (customer_id, created_at DESC);

CREATE TABLE order_lines (
    id          bigserial PRIMARY KEY,
    order_id    bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  integer NOT NULL REFERENCES products (id),
    quantity    integer NOT NULL DEFAULT 1 CHECK (quantity > 0),
    unit_price  numeric(12,2) NOT NULL,
    CONSTRAINT order_lines_order_product_key UNIQUE (order_id, product_id)
);
COMMENT ON COLUMN order_lines.unit_price IS 'Price captured at the moment the line was added';

CREATE VIEW order_totals AS
SELECT o.id AS order_id,
       o.customer_id,
       sum(l.quantity * l.unit_price) AS computed_total,
       count(*) AS line_count
FROM orders o
JOIN order_lines l ON l.order_id = o.id
GROUP BY o.id, o.customer_id;

INSERT INTO customers (email, full_name, is_vip) VALUES
    ('Ada@Example.com', 'Ada Lovelace', true),
    ('grace@example.com', 'Grace Hopper', false);
INSERT INTO products (sku, title, price, stock) VALUES
    ('BK-001', 'Analytical Engine Manual', 39.90, 12),
    ('MG-042', 'Coffee Mug', 9.50, 100);
INSERT INTO orders (customer_id, status, total) VALUES (1, 'placed', 58.90);
INSERT INTO order_lines (order_id, product_id, quantity, unit_price) VALUES
    (1, 1, 1, 39.90), (1, 2, 2, 9.50);
