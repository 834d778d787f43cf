//! The `baogao` command line (SPEC §5).

fn main() {
    let report = baogao::parse(baogao::SAMPLE_REPORT);
    println!("{}", report.reindexed(baogao::OffsetUnit::Char).to_json());
}
