//! Work spread over the machine's cores: reading a sprint's notes, parsing
//! a workbook's files, rendering and writing a site's pages. One small
//! function instead of a thread-pool dependency: the jobs are few, coarse
//! and known up front.

use std::sync::atomic::{AtomicUsize, Ordering};

/// At most this many threads: beyond it, a sprint's work is too small to
/// gain from more.
const MAX_THREADS: usize = 8;

/// `f` applied to every item, on as many threads as there are cores (and
/// items), the results in the items' order. Each thread takes the next item
/// as soon as it is done with one, so items of very different sizes keep
/// every core busy to the end: put the largest first.
///
/// A panic in `f` is a bug: it is passed on to the caller's thread, where
/// samskap reports it as an internal error.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(MAX_THREADS)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else {
                return done;
            };
            done.push((i, f(item)));
        }
    };
    let mut numbered: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        // This thread works too, rather than wait.
        let mut all = work();
        for helper in helpers {
            match helper.join() {
                Ok(mut part) => all.append(&mut part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    });
    numbered.sort_unstable_by_key(|(i, _)| *i);
    numbered.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_items_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map(&items, |n| {
            // Uneven work, so threads finish out of order.
            if n % 7 == 0 {
                std::thread::yield_now();
            }
            n * n
        });
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn no_items_and_one_item() {
        assert!(map(&[] as &[u8], |b| *b).is_empty());
        assert_eq!(map(&[3], |n| n + 1), vec![4]);
    }

    #[test]
    fn a_panic_reaches_the_caller() {
        let items: Vec<u32> = (0..64).collect();
        let outcome = std::panic::catch_unwind(|| {
            map(&items, |&n| {
                assert!(n != 40, "item 40");
                n
            })
        });
        assert!(outcome.is_err());
    }
}
