//! Go's sorting algorithms, step for step, so that unstable sorts leave equal elements in
//! exactly the order Go leaves them: pattern-defeating quicksort (`sort/zsortfunc.go`:
//! insertion sort below 13 elements, Tukey ninther / median-of-three pivots, `breakPatterns`
//! with Go's xorshift seeded by the length, heapsort fallback) and the stable
//! insertion-sort-blocks-of-20 + SymMerge sort.
//!
//! One implementation serves `sort.Sort`, `sort.Slice`, `sort.Ints/Strings/Float64s`,
//! `slices.Sort` and `slices.SortFunc` (Go generates all of them from one template; they make
//! the same comparisons and swaps), and `sort.Stable`, `sort.SliceStable`,
//! `slices.SortStableFunc`.
//!
//! The VM implements [`LessSwap`] over its slice (calling the Go `less` closure, whose panic
//! it can return as `Err` to abort the sort), or uses [`sort_by`] on a Rust slice.

/// The `Less`/`Swap` pair of Go's `sort.Interface` / `lessSwap`. `less` may fail (e.g. the
/// Go closure panicked); the sort stops at the first error and returns it.
pub trait LessSwap {
    type Error;
    fn less(&mut self, i: usize, j: usize) -> Result<bool, Self::Error>;
    fn swap(&mut self, i: usize, j: usize);
}

/// A [`LessSwap`] from two closures (infallible `less`).
pub struct Funcs<L, S> {
    pub less: L,
    pub swap: S,
}

impl<L: FnMut(usize, usize) -> bool, S: FnMut(usize, usize)> LessSwap for Funcs<L, S> {
    type Error = std::convert::Infallible;
    fn less(&mut self, i: usize, j: usize) -> Result<bool, Self::Error> {
        Ok((self.less)(i, j))
    }
    fn swap(&mut self, i: usize, j: usize) {
        (self.swap)(i, j)
    }
}

/// Over a Rust slice with a `less(a, b)` on elements.
struct SliceData<'a, T, F> {
    v: &'a mut [T],
    less: F,
}

impl<T, F: FnMut(&T, &T) -> bool> LessSwap for SliceData<'_, T, F> {
    type Error = std::convert::Infallible;
    fn less(&mut self, i: usize, j: usize) -> Result<bool, Self::Error> {
        Ok((self.less)(&self.v[i], &self.v[j]))
    }
    fn swap(&mut self, i: usize, j: usize) {
        self.v.swap(i, j)
    }
}

/// `bits.Len(uint(n))`.
fn bits_len(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()) as usize
}

/// `sort.Sort` / `sort.Slice` / `slices.SortFunc` over `n` elements (not stable).
pub fn sort<D: LessSwap>(data: &mut D, n: usize) -> Result<(), D::Error> {
    pdqsort(data, 0, n, bits_len(n))
}

/// `sort.Stable` / `sort.SliceStable` / `slices.SortStableFunc` over `n` elements.
pub fn stable<D: LessSwap>(data: &mut D, n: usize) -> Result<(), D::Error> {
    let mut block_size = 20;
    let (mut a, mut b) = (0, block_size);
    while b <= n {
        insertion_sort(data, a, b)?;
        a = b;
        b += block_size;
    }
    insertion_sort(data, a, n)?;
    while block_size < n {
        a = 0;
        b = 2 * block_size;
        while b <= n {
            sym_merge(data, a, a + block_size, b)?;
            a = b;
            b += 2 * block_size;
        }
        let m = a + block_size;
        if m < n {
            sym_merge(data, a, m, n)?;
        }
        block_size *= 2;
    }
    Ok(())
}

/// Go's unstable sort of a Rust slice by `less` (e.g. `sort.Ints` with `|a, b| a < b`,
/// `sort.Float64s` with NaNs first: `|a, b| a < b || a.is_nan() && !b.is_nan()`).
pub fn sort_by<T>(v: &mut [T], less: impl FnMut(&T, &T) -> bool) {
    let n = v.len();
    let mut d = SliceData { v, less };
    let Ok(()) = sort(&mut d, n);
}

/// Go's stable sort of a Rust slice by `less`.
pub fn stable_by<T>(v: &mut [T], less: impl FnMut(&T, &T) -> bool) {
    let n = v.len();
    let mut d = SliceData { v, less };
    let Ok(()) = stable(&mut d, n);
}

/// `sort.IsSorted` / `sort.SliceIsSorted`.
pub fn is_sorted<D: LessSwap>(data: &mut D, n: usize) -> Result<bool, D::Error> {
    for i in (1..n).rev() {
        if data.less(i, i - 1)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `sort.Search(n, f)`: the smallest index in [0, n) at which `f` is true, or n.
pub fn search(n: i64, mut f: impl FnMut(i64) -> bool) -> i64 {
    let (mut i, mut j) = (0i64, n);
    while i < j {
        let h = ((i as u64 + j as u64) >> 1) as i64;
        if !f(h) {
            i = h + 1;
        } else {
            j = h;
        }
    }
    i
}

fn insertion_sort<D: LessSwap>(data: &mut D, a: usize, b: usize) -> Result<(), D::Error> {
    for i in a + 1..b {
        let mut j = i;
        while j > a && data.less(j, j - 1)? {
            data.swap(j, j - 1);
            j -= 1;
        }
    }
    Ok(())
}

/// Heap property on data[lo:hi]; `first` is the offset of the heap's root.
fn sift_down<D: LessSwap>(
    data: &mut D,
    lo: usize,
    hi: usize,
    first: usize,
) -> Result<(), D::Error> {
    let mut root = lo;
    loop {
        let mut child = 2 * root + 1;
        if child >= hi {
            return Ok(());
        }
        if child + 1 < hi && data.less(first + child, first + child + 1)? {
            child += 1;
        }
        if !data.less(first + root, first + child)? {
            return Ok(());
        }
        data.swap(first + root, first + child);
        root = child;
    }
}

fn heap_sort<D: LessSwap>(data: &mut D, a: usize, b: usize) -> Result<(), D::Error> {
    let first = a;
    let hi = b - a;
    // Build heap with greatest element at top.
    let mut i = (hi as isize - 1) / 2;
    while i >= 0 {
        sift_down(data, i as usize, hi, first)?;
        i -= 1;
    }
    // Pop elements, largest first, into end of data.
    for i in (0..hi).rev() {
        data.swap(first, first + i);
        sift_down(data, 0, i, first)?;
    }
    Ok(())
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum SortedHint {
    Unknown,
    Increasing,
    Decreasing,
}

/// Go's xorshift (13, 7, 17), seeded with the length in `breakPatterns`.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `pdqsort_func`: sorts data[a:b]; `limit` bad pivots allowed before heapsort.
fn pdqsort<D: LessSwap>(
    data: &mut D,
    mut a: usize,
    mut b: usize,
    mut limit: usize,
) -> Result<(), D::Error> {
    const MAX_INSERTION: usize = 12;
    let mut was_balanced = true;
    let mut was_partitioned = true;
    loop {
        let length = b - a;
        if length <= MAX_INSERTION {
            return insertion_sort(data, a, b);
        }
        // Fall back to heapsort if too many bad choices were made.
        if limit == 0 {
            return heap_sort(data, a, b);
        }
        // If the last partitioning was imbalanced, break patterns.
        if !was_balanced {
            break_patterns(data, a, b);
            limit -= 1;
        }
        let (mut pivot, mut hint) = choose_pivot(data, a, b)?;
        if hint == SortedHint::Decreasing {
            reverse_range(data, a, b);
            // The pivot was pivot-a elements after the start; now as many before the end.
            pivot = (b - 1) - (pivot - a);
            hint = SortedHint::Increasing;
        }
        // The slice is likely already sorted.
        if was_balanced
            && was_partitioned
            && hint == SortedHint::Increasing
            && partial_insertion_sort(data, a, b)?
        {
            return Ok(());
        }
        // Probably many duplicates: partition into elements equal to and greater than the pivot.
        if a > 0 && !data.less(a - 1, pivot)? {
            a = partition_equal(data, a, b, pivot)?;
            continue;
        }
        let (mid, already_partitioned) = partition(data, a, b, pivot)?;
        was_partitioned = already_partitioned;
        let (left_len, right_len) = (mid - a, b - mid);
        let balance_threshold = length / 8;
        if left_len < right_len {
            was_balanced = left_len >= balance_threshold;
            pdqsort(data, a, mid, limit)?;
            a = mid + 1;
        } else {
            was_balanced = right_len >= balance_threshold;
            pdqsort(data, mid + 1, b, limit)?;
            b = mid;
        }
    }
}

/// One quicksort partition around data[pivot]; returns (new pivot index, already partitioned).
fn partition<D: LessSwap>(
    data: &mut D,
    a: usize,
    b: usize,
    pivot: usize,
) -> Result<(usize, bool), D::Error> {
    data.swap(a, pivot);
    // i and j are inclusive bounds of the elements remaining to be partitioned (j may reach a).
    let (mut i, mut j) = (a + 1, b as isize - 1);
    while i as isize <= j && data.less(i, a)? {
        i += 1;
    }
    while i as isize <= j && !data.less(j as usize, a)? {
        j -= 1;
    }
    if i as isize > j {
        data.swap(j as usize, a);
        return Ok((j as usize, true));
    }
    data.swap(i, j as usize);
    i += 1;
    j -= 1;
    loop {
        while i as isize <= j && data.less(i, a)? {
            i += 1;
        }
        while i as isize <= j && !data.less(j as usize, a)? {
            j -= 1;
        }
        if i as isize > j {
            break;
        }
        data.swap(i, j as usize);
        i += 1;
        j -= 1;
    }
    data.swap(j as usize, a);
    Ok((j as usize, false))
}

/// Partitions data[a:b] into elements equal to data[pivot] followed by greater ones (there
/// are no smaller ones).
fn partition_equal<D: LessSwap>(
    data: &mut D,
    a: usize,
    b: usize,
    pivot: usize,
) -> Result<usize, D::Error> {
    data.swap(a, pivot);
    let (mut i, mut j) = (a + 1, b as isize - 1);
    loop {
        while i as isize <= j && !data.less(a, i)? {
            i += 1;
        }
        while i as isize <= j && data.less(a, j as usize)? {
            j -= 1;
        }
        if i as isize > j {
            break;
        }
        data.swap(i, j as usize);
        i += 1;
        j -= 1;
    }
    Ok(i)
}

/// Partially sorts data[a:b]; true if it ends up sorted.
fn partial_insertion_sort<D: LessSwap>(data: &mut D, a: usize, b: usize) -> Result<bool, D::Error> {
    const MAX_STEPS: usize = 5; // adjacent out-of-order pairs that will get shifted
    const SHORTEST_SHIFTING: usize = 50; // don't shift any elements on short arrays
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !data.less(i, i - 1)? {
            i += 1;
        }
        if i == b {
            return Ok(true);
        }
        if b - a < SHORTEST_SHIFTING {
            return Ok(false);
        }
        data.swap(i, i - 1);
        // Shift the smaller one to the left.
        if i - a >= 2 {
            let mut j = i - 1;
            while j >= 1 {
                if !data.less(j, j - 1)? {
                    break;
                }
                data.swap(j, j - 1);
                j -= 1;
            }
        }
        // Shift the greater one to the right.
        if b - i >= 2 {
            let mut j = i + 1;
            while j < b {
                if !data.less(j, j - 1)? {
                    break;
                }
                data.swap(j, j - 1);
                j += 1;
            }
        }
    }
    Ok(false)
}

/// Scatters three elements around the middle to break patterns.
fn break_patterns<D: LessSwap>(data: &mut D, a: usize, b: usize) {
    let length = b - a;
    if length >= 8 {
        let mut random = XorShift(length as u64);
        let modulus = 1usize << bits_len(length);
        let base = a + (length / 4) * 2;
        for idx in base - 1..=base + 1 {
            let mut other = (random.next() as usize) & (modulus - 1);
            if other >= length {
                other -= length;
            }
            data.swap(idx, a + other);
        }
    }
}

/// Pivot in data[a:b]: static below 8, median of three below 50, else Tukey's ninther.
fn choose_pivot<D: LessSwap>(
    data: &mut D,
    a: usize,
    b: usize,
) -> Result<(usize, SortedHint), D::Error> {
    const SHORTEST_NINTHER: usize = 50;
    const MAX_SWAPS: usize = 4 * 3;
    let l = b - a;
    let mut swaps = 0;
    let mut i = a + l / 4;
    let mut j = a + l / 4 * 2;
    let mut k = a + l / 4 * 3;
    if l >= 8 {
        if l >= SHORTEST_NINTHER {
            i = median(data, i - 1, i, i + 1, &mut swaps)?;
            j = median(data, j - 1, j, j + 1, &mut swaps)?;
            k = median(data, k - 1, k, k + 1, &mut swaps)?;
        }
        j = median(data, i, j, k, &mut swaps)?;
    }
    Ok(match swaps {
        0 => (j, SortedHint::Increasing),
        MAX_SWAPS => (j, SortedHint::Decreasing),
        _ => (j, SortedHint::Unknown),
    })
}

fn order2<D: LessSwap>(
    data: &mut D,
    a: usize,
    b: usize,
    swaps: &mut usize,
) -> Result<(usize, usize), D::Error> {
    if data.less(b, a)? {
        *swaps += 1;
        return Ok((b, a));
    }
    Ok((a, b))
}

fn median<D: LessSwap>(
    data: &mut D,
    a: usize,
    b: usize,
    c: usize,
    swaps: &mut usize,
) -> Result<usize, D::Error> {
    let (a, b) = order2(data, a, b, swaps)?;
    let (b, c) = order2(data, b, c, swaps)?;
    let _ = c;
    let (_a, b) = order2(data, a, b, swaps)?;
    Ok(b)
}

fn reverse_range<D: LessSwap>(data: &mut D, a: usize, b: usize) {
    let (mut i, mut j) = (a, b - 1);
    while i < j {
        data.swap(i, j);
        i += 1;
        j -= 1;
    }
}

fn swap_range<D: LessSwap>(data: &mut D, a: usize, b: usize, n: usize) {
    for i in 0..n {
        data.swap(a + i, b + i);
    }
}

/// SymMerge (Kim & Kutzner) of the sorted runs data[a:m] and data[m:b]; a < m < b.
fn sym_merge<D: LessSwap>(data: &mut D, a: usize, m: usize, b: usize) -> Result<(), D::Error> {
    // Insert data[a] into data[m:b] directly when data[a:m] is one element.
    if m - a == 1 {
        let (mut i, mut j) = (m, b);
        while i < j {
            let h = (i + j) >> 1;
            if data.less(h, a)? {
                i = h + 1;
            } else {
                j = h;
            }
        }
        for k in a..i - 1 {
            data.swap(k, k + 1);
        }
        return Ok(());
    }
    // Insert data[m] into data[a:m] directly when data[m:b] is one element.
    if b - m == 1 {
        let (mut i, mut j) = (a, m);
        while i < j {
            let h = (i + j) >> 1;
            if !data.less(m, h)? {
                i = h + 1;
            } else {
                j = h;
            }
        }
        let mut k = m;
        while k > i {
            data.swap(k, k - 1);
            k -= 1;
        }
        return Ok(());
    }
    let mid = (a + b) >> 1;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = (start + r) >> 1;
        if !data.less(p - c, c)? {
            start = c + 1;
        } else {
            r = c;
        }
    }
    let end = n - start;
    if start < m && m < end {
        rotate(data, start, m, end);
    }
    if a < start && start < mid {
        sym_merge(data, a, start, mid)?;
    }
    if mid < end && end < b {
        sym_merge(data, mid, end, b)?;
    }
    Ok(())
}

/// Rotates the consecutive blocks data[a:m] and data[m:b].
fn rotate<D: LessSwap>(data: &mut D, a: usize, m: usize, b: usize) {
    let mut i = m - a;
    let mut j = b - m;
    while i != j {
        if i > j {
            swap_range(data, m - i, m, j);
            i -= j;
        } else {
            swap_range(data, m - i, m + j - i, i);
            j -= i;
        }
    }
    swap_range(data, m - i, m, i);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Results of real Go runs: see `gen/sort_testdata.go`.
    const GOLDEN: &str = include_str!("testdata/sort.txt");

    #[test]
    fn golden() {
        let mut n = 0;
        for line in GOLDEN.lines() {
            let f: Vec<&str> = line.split('|').collect();
            let keys: Vec<i64> = f[2]
                .split(',')
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect();
            // Elements are (key, original index); sorting compares keys only.
            let mut v: Vec<(i64, usize)> = keys.iter().copied().zip(0..).collect();
            match f[0] {
                "slice" => sort_by(&mut v, |a, b| a.0 < b.0),
                "stable" => stable_by(&mut v, |a, b| a.0 < b.0),
                "desc" => sort_by(&mut v, |a, b| a.0 > b.0),
                op => panic!("unknown op {op}"),
            }
            let got: Vec<String> = v.iter().map(|e| e.1.to_string()).collect();
            assert_eq!(got.join(","), f[3], "{} case {}", f[0], f[1]);
            n += 1;
        }
        assert!(n > 20);
    }

    #[test]
    fn search_and_fallible() {
        assert_eq!(search(100, |i| i >= 37), 37);
        // An error from less aborts the sort.
        struct Failing(Vec<i32>, usize);
        impl LessSwap for Failing {
            type Error = &'static str;
            fn less(&mut self, i: usize, j: usize) -> Result<bool, &'static str> {
                self.1 += 1;
                if self.1 > 5 {
                    return Err("panic in less");
                }
                Ok(self.0[i] < self.0[j])
            }
            fn swap(&mut self, i: usize, j: usize) {
                self.0.swap(i, j)
            }
        }
        let mut d = Failing((0..100).rev().collect(), 0);
        assert_eq!(sort(&mut d, 100), Err("panic in less"));
    }
}
