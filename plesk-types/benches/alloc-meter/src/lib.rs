//! A counting global allocator, the instrument behind the peak-memory
//! figures of the plesk-types benchmarks (`plesk-types/benches/packets.rs`).
//!
//! [`Meter`] forwards every call to the system allocator unchanged. While a
//! [`measure`] runs it also keeps the bytes currently allocated (requested
//! sizes, not the allocator's own overhead) and their peak; the rest of the
//! time it adds one relaxed atomic load to each call, so that timings taken
//! in the same binary are not disturbed.
//!
//! ```
//! #[global_allocator]
//! static ALLOCATOR: alloc_meter::Meter = alloc_meter::Meter;
//!
//! fn main() {
//!     let (text, usage) = alloc_meter::measure(|| "x".repeat(1000));
//!     assert_eq!(text.len(), 1000);
//!     assert!(usage.peak >= 1000);
//!     assert_eq!(usage.retained, 1000);
//! }
//! ```
//!
//! Counting is process-wide: allocations of other threads during a
//! [`measure`] count too, so measure where nothing else runs.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};

/// Whether a [`measure`] is running.
static COUNTING: AtomicBool = AtomicBool::new(false);
/// Bytes allocated minus bytes freed since the running [`measure`] began
/// (negative when it frees more than it allocated).
static CURRENT: AtomicIsize = AtomicIsize::new(0);
/// The highest [`CURRENT`] since the running [`measure`] began.
static PEAK: AtomicIsize = AtomicIsize::new(0);

/// The global allocator: the system allocator, counted during [`measure`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Meter;

/// What a [`measure`] saw, in bytes requested from the allocator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// The most bytes held at once above the level at the start (0 if the
    /// code only freed).
    pub peak: usize,
    /// Bytes still held at the end above the level at the start: the size
    /// of what the code returned, when it frees everything else.
    pub retained: isize,
}

/// Runs `code` with counting on and returns its result (still held when the
/// figures are taken) and the bytes it used. Without [`Meter`] as the global
/// allocator, the figures are zero. Measurements must not overlap (not
/// nested, not on two threads at once).
pub fn measure<T>(code: impl FnOnce() -> T) -> (T, Usage) {
    CURRENT.store(0, Ordering::SeqCst);
    PEAK.store(0, Ordering::SeqCst);
    COUNTING.store(true, Ordering::SeqCst);
    let result = code();
    COUNTING.store(false, Ordering::SeqCst);
    let usage = Usage {
        peak: usize::try_from(PEAK.load(Ordering::SeqCst)).unwrap_or(0),
        retained: CURRENT.load(Ordering::SeqCst),
    };
    (result, usage)
}

/// Counts `delta` bytes more (or fewer) in use, if a [`measure`] runs.
#[inline]
fn count(delta: isize) {
    if COUNTING.load(Ordering::Relaxed) {
        let current = CURRENT.fetch_add(delta, Ordering::Relaxed) + delta;
        PEAK.fetch_max(current, Ordering::Relaxed);
    }
}

/// The size of a layout as a count (a layout's size never exceeds
/// `isize::MAX`).
#[inline]
fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

// SAFETY: every method forwards its arguments unchanged to `System`, which
// upholds the `GlobalAlloc` contract, and returns what `System` returned;
// the counting around the calls touches only atomics and never allocates.
unsafe impl GlobalAlloc for Meter {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's guarantees for `layout` are those `System` needs.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            count(signed(layout.size()));
        }
        pointer
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as for `alloc`.
        let pointer = unsafe { System.alloc_zeroed(layout) };
        if !pointer.is_null() {
            count(signed(layout.size()));
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: `pointer` was allocated by this allocator, that is by
        // `System`, with `layout`, as the caller guarantees.
        unsafe { System.dealloc(pointer, layout) };
        count(-signed(layout.size()));
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `pointer` and `layout` are as for `dealloc`, and the caller
        // guarantees `new_size` is valid for `layout`'s alignment.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            count(signed(new_size) - signed(layout.size()));
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::{Meter, measure, signed};

    #[global_allocator]
    static ALLOCATOR: Meter = Meter;

    #[test]
    fn counts_peak_and_retained_bytes() {
        let held = vec![0_u8; 10_000];
        let (kept, usage) = measure(|| {
            drop(std::hint::black_box(vec![0_u8; 50_000]));
            let mut kept = Vec::with_capacity(1_000);
            kept.resize(2_000, 1_u8); // a reallocation
            drop(held); // allocated before: the level goes below the start
            kept
        });
        assert_eq!(kept.len(), 2_000);
        assert!(usage.peak >= 50_000, "{usage:?}");
        assert!(usage.peak < 60_000, "{usage:?}");
        assert_eq!(usage.retained, signed(kept.capacity()) - 10_000, "{usage:?}");
    }
}
