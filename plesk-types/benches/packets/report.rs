//! The figures of this run, read back from what criterion wrote, as ratios
//! against the targets of the issue.
//!
//! Criterion writes, for every benchmark it measured, `new/benchmark.json`
//! (the benchmark's id) and `new/estimates.json` (its statistics) under its
//! output directory. Only files written since this run started count, so a
//! benchmark filtered out or run in `--test` mode (which measures nothing)
//! shows as "no estimate" rather than with an older figure.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Median time per iteration, in nanoseconds, of each benchmark measured in
/// this run, by its full id (`parse/get-200/ours`).
#[derive(Debug, Default)]
pub struct Estimates {
    /// Median nanoseconds by full id.
    medians: HashMap<String, f64>,
    /// Where they were read from.
    directory: PathBuf,
}

impl Estimates {
    /// Reads the estimates criterion wrote under `directory` since `since`.
    /// A missing or unreadable directory gives no estimates.
    pub fn read(directory: &Path, since: SystemTime) -> Self {
        let mut estimates = Self { medians: HashMap::new(), directory: directory.to_owned() };
        estimates.visit(directory, since, 0);
        estimates
    }

    /// Looks for `new/benchmark.json` below `directory` (groups and function
    /// names are at most a few levels deep).
    fn visit(&mut self, directory: &Path, since: SystemTime, depth: usize) {
        let Ok(entries) = fs::read_dir(directory) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if !path.is_dir() {
                continue;
            }
            if path.file_name().is_some_and(|name| name == "new") {
                if let Some((id, median)) = read_benchmark(&path, since) {
                    self.medians.insert(id, median);
                }
            } else if depth < 4 {
                self.visit(&path, since, depth + 1);
            }
        }
    }

    /// The median of `id` in nanoseconds, if measured in this run.
    pub fn median(&self, id: &str) -> Option<f64> {
        self.medians.get(id).copied()
    }

    /// Where the estimates were looked for.
    pub fn directory(&self) -> &Path {
        &self.directory
    }
}

/// The full id and median of the benchmark whose `new` directory is `new`,
/// if both files are there, written since `since`, and readable.
fn read_benchmark(new: &Path, since: SystemTime) -> Option<(String, f64)> {
    let estimates_path = new.join("estimates.json");
    let modified = fs::metadata(&estimates_path).and_then(|metadata| metadata.modified()).ok()?;
    if modified < since {
        return None;
    }
    let benchmark: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(new.join("benchmark.json")).ok()?).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&fs::read_to_string(estimates_path).ok()?).ok()?;
    let id = benchmark.get("full_id")?.as_str()?.to_owned();
    let median = estimates.get("median")?.get("point_estimate")?.as_f64()?;
    Some((id, median))
}

/// Where criterion writes its results, found the way criterion finds it:
/// `$CRITERION_HOME`, else `$CARGO_TARGET_DIR/criterion`, else `criterion`
/// in the target directory holding this executable
/// (`target/release/deps/packets-…` or `target/<triple>/release/deps/…`).
pub fn criterion_directory() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    let executable = std::env::current_exe().unwrap_or_default();
    // deps → profile → target (or → triple → target).
    let candidates: Vec<PathBuf> = executable.ancestors().skip(3).take(2).map(|dir| dir.join("criterion")).collect();
    candidates
        .iter()
        .find(|dir| dir.is_dir())
        .or(candidates.first())
        .cloned()
        .unwrap_or_else(|| PathBuf::from("target/criterion"))
}

/// How a figure compares with its target.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// Information only (a baseline's figure).
    None,
    /// The figure must be at most this.
    AtMost(f64),
    /// The figure must be at least this.
    AtLeast(f64),
}

/// One line of the table: what is measured, its figure (absent when an
/// estimate is missing), the unit it is printed in and its target.
#[derive(Debug)]
pub struct Row {
    /// What the figure is.
    pub label: String,
    /// The figure.
    pub value: Option<f64>,
    /// How to print it.
    pub unit: Unit,
    /// What it should be.
    pub target: Target,
}

/// How a figure is printed.
#[derive(Debug, Clone, Copy)]
pub enum Unit {
    /// A ratio: `1.23x`.
    Ratio,
    /// A share: `4.5%`.
    Percent,
    /// Nanoseconds per byte: `1.23 ns/B`.
    NanosPerByte,
}

impl Row {
    /// A row comparing `value` with `target`.
    pub fn new(label: impl Into<String>, value: Option<f64>, unit: Unit, target: Target) -> Self {
        Self { label: label.into(), value, unit, target }
    }

    /// The figure as printed.
    fn figure(&self) -> String {
        match (self.value, self.unit) {
            (None, _) => "no estimate".to_owned(),
            (Some(value), Unit::Ratio) => format!("{value:.2}x"),
            (Some(value), Unit::Percent) => format!("{:.1}%", value * 100.0),
            (Some(value), Unit::NanosPerByte) => format!("{value:.2} ns/B"),
        }
    }

    /// The target as printed.
    fn target_text(&self) -> String {
        let show = |value: f64| match self.unit {
            Unit::Ratio => format!("{value:.2}x"),
            Unit::Percent => format!("{:.0}%", value * 100.0),
            Unit::NanosPerByte => format!("{value:.2} ns/B"),
        };
        match self.target {
            Target::None => String::new(),
            Target::AtMost(limit) => format!("<= {}", show(limit)),
            Target::AtLeast(limit) => format!(">= {}", show(limit)),
        }
    }

    /// PASS, MISS, or nothing (no target or no figure).
    fn verdict(&self) -> &'static str {
        match (self.value, self.target) {
            (None, _) | (_, Target::None) => "",
            (Some(value), Target::AtMost(limit)) if value <= limit => "PASS",
            (Some(value), Target::AtLeast(limit)) if value >= limit => "PASS",
            (Some(_), _) => "MISS",
        }
    }
}

/// `numerator / denominator` of two estimates, if both exist.
pub fn ratio(estimates: &Estimates, numerator: &str, denominator: &str) -> Option<f64> {
    Some(estimates.median(numerator)? / estimates.median(denominator)?)
}

/// The rows as a Markdown table.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from("| measure | figure | target | verdict |\n|---|---:|---:|---|\n");
    for row in rows {
        let _ = writeln!(out, "| {} | {} | {} | {} |", row.label, row.figure(), row.target_text(), row.verdict());
    }
    out
}

/// The median of every benchmark of `ids` as a Markdown table, with the
/// throughput where the input size is known.
pub fn medians_table(estimates: &Estimates, ids: &[(String, Option<usize>)]) -> String {
    let mut out = String::from("| benchmark | median | throughput |\n|---|---:|---:|\n");
    for (id, bytes) in ids {
        let (median, throughput) = match estimates.median(id) {
            None => ("no estimate".to_owned(), String::new()),
            Some(nanos) => (
                format_duration(nanos),
                bytes.map(|bytes| format!("{:.0} MB/s", bytes as f64 / nanos * 1e3)).unwrap_or_default(),
            ),
        };
        let _ = writeln!(out, "| {id} | {median} | {throughput} |");
    }
    out
}

/// Nanoseconds in the unit that suits them.
fn format_duration(nanos: f64) -> String {
    if nanos >= 1e6 {
        format!("{:.2} ms", nanos / 1e6)
    } else if nanos >= 1e3 {
        format!("{:.2} µs", nanos / 1e3)
    } else {
        format!("{nanos:.0} ns")
    }
}
