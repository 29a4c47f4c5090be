//! The synthetic schema the benchmarks share.

/// Table `t{i}` has an id, a parent reference to `t{i-1}`, and a handful of typed columns.
pub fn schema_yaml(tables: usize) -> String {
    let mut yaml = String::from("enums:\n  state:\n    values: [new, active, closed]\ntables:\n");
    for i in 0..tables {
        yaml.push_str(&format!(
            "  t{i}:\n    columns:\n      id: bigint identity primary key\n"
        ));
        if i > 0 {
            yaml.push_str(&format!(
                "      parent_id: bigint references t{}.id on delete cascade\n",
                i - 1
            ));
        }
        yaml.push_str(
            "      name: text not null\n      note: text\n      state: state not null default 'new'\n      score: int not null default 0\n      payload: jsonb\n      created_at: timestamptz not null default now()\n",
        );
        yaml.push_str(&format!(
            "    indexes:\n      idx_t{i}_created: [created_at desc]\n"
        ));
    }
    yaml
}
