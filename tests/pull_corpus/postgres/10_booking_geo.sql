-- Imitates: a room / desk booking system with locations (coworking spaces).
-- Exercises: CREATE EXTENSION btree_gist; EXCLUDE USING gist (room WITH =, during WITH &&)
-- exclusion constraint on tstzrange; double precision lat/lon with CHECKs; date, time,
-- interval, smallint; GENERATED ALWAYS AS IDENTITY; serial sole primary key; varchar(20)[]
-- array; FK ON DELETE CASCADE / SET NULL; unique multi-column constraint; partial index
-- WHERE cancelled_at IS NULL; SQL function; COMMENT ON.

CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE sites (
    id          serial PRIMARY KEY,
    name        varchar(100) NOT NULL,
    latitude    double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude   double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    timezone    text NOT NULL DEFAULT 'UTC',
    opens_at    time NOT NULL DEFAULT '08:00',
    closes_at   time NOT NULL DEFAULT '20:00',
    CHECK (opens_at < closes_at)
);

CREATE TABLE rooms (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id     integer NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    name        varchar(60) NOT NULL,
    seats       smallint NOT NULL DEFAULT 4 CHECK (seats > 0),
    amenities   varchar(20)[] NOT NULL DEFAULT '{}',
    min_booking interval NOT NULL DEFAULT '30 minutes',
    UNIQUE (site_id, name)
);

CREATE TABLE bookings (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    room          integer NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    booked_by     varchar(254),
    during        tstzrange NOT NULL,
    booked_on     date NOT NULL DEFAULT CURRENT_DATE,
    cancelled_at  timestamptz,
    CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
        WHERE (cancelled_at IS NULL),
    CONSTRAINT bookings_nonempty CHECK (NOT isempty(during))
);
CREATE INDEX bookings_active_by_idx ON bookings (booked_by) WHERE cancelled_at IS NULL;
COMMENT ON CONSTRAINT bookings_no_overlap ON bookings IS 'A room cannot be double-booked';
COMMENT ON COLUMN bookings.during IS 'Half-open interval [start, end)';

CREATE TABLE room_closures (
    room     integer NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    closed   daterange NOT NULL,
    reason   text DEFAULT 'maintenance',
    EXCLUDE USING gist (room WITH =, closed WITH &&)
);

CREATE FUNCTION distance_km(lat1 double precision, lon1 double precision,
                            lat2 double precision, lon2 double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT 6371 * 2 * asin(sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2) +
        cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)))
$$;

INSERT INTO sites (name, latitude, longitude, timezone) VALUES
    ('Kreuzberg Hub', 52.4986, 13.4030, 'Europe/Berlin'),
    ('Canal Works', 45.7640, 4.8357, 'Europe/Paris');
INSERT INTO rooms (site_id, name, seats, amenities) VALUES
    (1, 'Orange', 6, ARRAY['tv', 'whiteboard']), (1, 'Blue', 2, DEFAULT);
INSERT INTO bookings (room, booked_by, during) VALUES
    (1, 'ada@example.com', '[2024-05-01 09:00+00, 2024-05-01 10:00+00)'),
    (1, 'bob@example.com', '[2024-05-01 10:00+00, 2024-05-01 11:30+00)');
INSERT INTO room_closures (room, closed) VALUES (2, '[2024-06-01, 2024-06-08)');
