//! Peak heap memory while parsing: the most bytes held at once, above what
//! was held before, while a parser reads a document (its result included,
//! since it is still held when the parser returns).
//!
//! The instrument is the bench binary's global allocator,
//! [`alloc_meter::Meter`]: the system allocator, counting the bytes
//! requested (not the allocator's own overhead) only while a measurement
//! runs, so the timings of the same binary are not disturbed.

/// The bench binary's allocator.
#[global_allocator]
static ALLOCATOR: alloc_meter::Meter = alloc_meter::Meter;

/// Runs `parse` and returns the peak bytes allocated above the level at its
/// start, while it ran and with its result still held, and the bytes its
/// result holds. The result is dropped after the measurement.
pub fn peak_bytes<T>(parse: impl FnOnce() -> T) -> alloc_meter::Usage {
    let (result, usage) = alloc_meter::measure(parse);
    drop(std::hint::black_box(result));
    usage
}
