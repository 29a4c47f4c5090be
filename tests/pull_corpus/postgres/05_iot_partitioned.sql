-- Imitates: IoT telemetry ingestion (devices, readings partitioned by month).
-- Exercises: declarative partitioning (PARTITION BY RANGE with two partitions) and a
-- partitioned-table index; smallserial sole primary key; real, double precision,
-- smallint, timestamp(3), interval, date; jsonb DEFAULT '{}'::jsonb;
-- composite primary key including the partition key; FK from the partitioned table.
-- Kept in its own file because partitioning may not be supported by every pull.

CREATE TABLE device_models (
    id           smallserial PRIMARY KEY,
    vendor       varchar(60) NOT NULL,
    model        varchar(60) NOT NULL,
    UNIQUE (vendor, model)
);

CREATE TABLE devices (
    id              serial PRIMARY KEY,
    model_id        smallint NOT NULL REFERENCES device_models (id),
    serial_no       varchar(32) NOT NULL UNIQUE,
    report_every    interval NOT NULL DEFAULT '5 minutes',
    firmware        text DEFAULT '1.0.0',
    config          jsonb NOT NULL DEFAULT '{}'::jsonb,
    installed_on    date DEFAULT CURRENT_DATE,
    decommissioned  boolean NOT NULL DEFAULT false
);

CREATE TABLE readings (
    device_id    integer NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    recorded_at  timestamp(3) NOT NULL,
    temperature  real,
    humidity     real CHECK (humidity BETWEEN 0 AND 100),
    pressure_hpa double precision,
    battery_pct  smallint CHECK (battery_pct BETWEEN 0 AND 100),
    PRIMARY KEY (device_id, recorded_at)
) PARTITION BY RANGE (recorded_at);

CREATE TABLE readings_2024_01 PARTITION OF readings
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE readings_2024_02 PARTITION OF readings
    FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');

CREATE INDEX readings_time_idx ON readings (recorded_at DESC);
COMMENT ON TABLE readings IS 'Raw sensor samples, one partition per month';

INSERT INTO device_models (vendor, model) VALUES ('Acme', 'TH-100'), ('Acme', 'TH-200');
INSERT INTO devices (model_id, serial_no) VALUES (1, 'SN-0001'), (2, 'SN-0002');
INSERT INTO readings VALUES
    (1, '2024-01-15 12:00:00.250', 21.5, 40.2, 1013.25, 97),
    (1, '2024-02-03 08:30:00.000', 19.0, 55.0, 1009.8, 95),
    (2, '2024-02-10 23:59:59.999', -3.25, 80.1, 1020.0, 12);
