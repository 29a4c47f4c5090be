-- Imitates: a legacy web-shop database ported from MySQL to SQLite (loose type names).
-- Exercises: columns declared with loose type names (VARCHAR(30), DATETIME, BOOLEAN,
-- DECIMAL(10,2), BLOB, REAL, TEXT, CHAR(2), UNSIGNED BIG INT, and a column with no type
-- at all); INT PRIMARY KEY; datetime DEFAULT CURRENT_TIMESTAMP; FKs with ON DELETE
-- CASCADE / SET NULL; partial and expression indexes; UNIQUE index; triggers (BEFORE
-- INSERT validation with RAISE, AFTER INSERT stock update); views.
PRAGMA foreign_keys = ON;

CREATE TABLE categories (
    id         INT PRIMARY KEY,
    name       VARCHAR(30) NOT NULL,
    parent_id  INT REFERENCES categories (id) ON DELETE SET NULL,
    visible    BOOLEAN DEFAULT 1
);

CREATE TABLE products (
    id           INTEGER PRIMARY KEY,
    category_id  INT REFERENCES categories (id) ON DELETE SET NULL,
    sku          VARCHAR(30) NOT NULL,
    name         VARCHAR(255) NOT NULL,
    price        DECIMAL(10,2) NOT NULL DEFAULT 0.00,
    weight       REAL,
    image        BLOB,
    description  TEXT,
    stock        UNSIGNED BIG INT DEFAULT 0,
    extra,
    is_deleted   BOOLEAN NOT NULL DEFAULT 0,
    created      DATETIME DEFAULT CURRENT_TIMESTAMP,
    modified     DATETIME
);
CREATE UNIQUE INDEX products_sku_uq ON products (sku);
CREATE INDEX products_live_idx ON products (category_id, price) WHERE is_deleted = 0;
CREATE INDEX products_name_nocase_idx ON products (lower(name));

CREATE TABLE orders (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    email       VARCHAR(120) NOT NULL,
    country     CHAR(2) DEFAULT 'US',
    total       DECIMAL(10,2) DEFAULT 0,
    paid        BOOLEAN DEFAULT 0,
    ordered_at  DATETIME DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX orders_email_idx ON orders (lower(email), ordered_at DESC);

CREATE TABLE order_items (
    order_id    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id  INTEGER NOT NULL REFERENCES products (id),
    qty         INT NOT NULL DEFAULT 1,
    unit_price  DECIMAL(10,2) NOT NULL,
    PRIMARY KEY (order_id, product_id)
);

CREATE TRIGGER order_items_check_stock BEFORE INSERT ON order_items
BEGIN
    SELECT RAISE(ABORT, 'insufficient stock')
    WHERE (SELECT stock FROM products WHERE id = new.product_id) < new.qty;
END;
CREATE TRIGGER order_items_take_stock AFTER INSERT ON order_items
BEGIN
    UPDATE products SET stock = stock - new.qty, modified = CURRENT_TIMESTAMP WHERE id = new.product_id;
    UPDATE orders SET total = total + new.qty * new.unit_price WHERE id = new.order_id;
END;

CREATE VIEW catalog AS
SELECT p.id, p.sku, p.name, p.price, c.name AS category
FROM products p LEFT JOIN categories c ON c.id = p.category_id
WHERE p.is_deleted = 0;

CREATE VIEW unpaid_orders AS SELECT id, email, total FROM orders WHERE NOT paid;

INSERT INTO categories (id, name) VALUES (1, 'Books'), (2, 'Mugs');
INSERT INTO categories (id, name, parent_id, visible) VALUES (3, 'Cookbooks', 1, 0);
INSERT INTO products (category_id, sku, name, price, weight, image, stock, extra) VALUES
    (1, 'BK-1', 'SQL for Mortals', 29.99, 0.6, X'89504E470D0A1A0A', 10, 'signed'),
    (2, 'MG-1', 'Big Mug', 8.5, 0.35, NULL, 3, 42),
    (3, 'BK-2', 'Pasta Bible', 19.0, 1.1, NULL, 0, NULL);
INSERT INTO orders (email, country) VALUES ('Customer@Example.com', 'DE');
INSERT INTO order_items (order_id, product_id, qty, unit_price) VALUES (1, 1, 2, 29.99), (1, 2, 1, 8.5);
