-- +goose Up
CREATE TABLE books (
  id        INTEGER PRIMARY KEY,
  author_id INTEGER NOT NULL REFERENCES authors (id) ON DELETE CASCADE,
  title     TEXT    NOT NULL,
  year      INTEGER
);
CREATE INDEX books_author ON books (author_id);

-- +goose Down
DROP TABLE books;
