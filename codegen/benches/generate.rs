//! How fast the generator turns schemas into Rust, per 1,000 schema lines.
//!
//! Run with `cargo bench -p plesk-codegen --bench generate`. Two workloads:
//! the bundled 1.6.8.0 schemas, and the whole Plesk API of the stress corpus
//! (`../shared/corpus/plesk-1.6.8.0`, beside the repository), which is
//! skipped with a note when it is not there. For each: reading and
//! resolving the schemas alone (`load`), and the whole run down to formatted
//! Rust (`generate`). Criterion's throughput is in schema lines; the summary
//! printed at the end gives milliseconds per 1,000 lines and the size of the
//! output.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use plesk_codegen::Config;

struct Workload {
    name: &'static str,
    config: Config,
    schema_lines: u64,
}

fn workload(name: &'static str, dir: &Path, plesk_conventions: bool) -> Option<Workload> {
    if !dir.is_dir() {
        eprintln!("note: {} not found, workload {name} skipped", dir.display());
        return None;
    }
    let mut config = if plesk_conventions { Config::plesk() } else { Config::new() };
    config.schema(dir);
    let files = config.schema_files().expect("the schema directory lists");
    let schema_lines = files
        .iter()
        .map(|file| std::fs::read_to_string(file).expect("a schema file reads").lines().count() as u64)
        .sum();
    Some(Workload { name, config, schema_lines })
}

fn workloads() -> Vec<Workload> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    [
        workload("bundled-1.6.8.0", &root.join("schemas/1.6.8.0"), true),
        workload("corpus-1.6.8.0", &root.join("../shared/corpus/plesk-1.6.8.0"), false),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn main() {
    let mut criterion =
        Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5)).configure_from_args();
    let workloads = workloads();
    for workload in &workloads {
        let mut group = criterion.benchmark_group(workload.name);
        group.throughput(Throughput::Elements(workload.schema_lines));
        group.bench_function("load", |b| b.iter(|| black_box(plesk_codegen::load(&workload.config).expect("loads"))));
        group.bench_function("generate", |b| {
            b.iter(|| black_box(plesk_codegen::generate(&workload.config).expect("generates")))
        });
        group.finish();
    }
    criterion.final_summary();

    // One timed run each for the summary: criterion's figures above are the
    // careful ones; this puts them in the unit the project reports.
    println!("\nworkload            schema lines   generated lines   ms per 1,000 schema lines");
    for workload in &workloads {
        let runs = 5;
        let start = Instant::now();
        let mut generated = None;
        for _ in 0..runs {
            generated = Some(plesk_codegen::generate(&workload.config).expect("generates"));
        }
        let per_run = start.elapsed() / runs;
        let generated_lines = generated.map_or(0, |generated| generated.code.lines().count());
        let per_thousand = per_run.as_secs_f64() * 1000.0 / (workload.schema_lines as f64 / 1000.0);
        println!(
            "{:<19} {:>12}   {:>15}   {:>10.1}",
            workload.name, workload.schema_lines, generated_lines, per_thousand
        );
    }
}
