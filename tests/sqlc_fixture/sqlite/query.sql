/* name: GetAuthor :one */
SELECT * FROM authors
WHERE id = ? LIMIT 1;

-- name: ListAuthors :many
SELECT * FROM authors
ORDER BY name;

-- name: CreateAuthor :execlastid
INSERT INTO authors (
  name, bio
) VALUES (
  ?, ?
);

-- name: UpdateAuthorBio :execresult
UPDATE authors SET bio = sqlc.narg(bio) WHERE id = sqlc.arg(id);

-- name: BooksByAuthor :many
SELECT b.title, b.year, a.name
FROM books b JOIN authors a ON a.id = b.author_id
WHERE a.id = ?1
ORDER BY b.year DESC, b.title;

-- name: CountBooks :one
SELECT count(*) FROM books;
