//! Go's `container/heap` algorithms over [`LessSwap`], so heaps with equal priorities pop in
//! exactly Go's order. The VM composes the operations as Go does, calling the user's
//! `Push`/`Pop` methods itself:
//!
//! - `heap.Init(h)`: [`init`]`(h, h.Len())`
//! - `heap.Push(h, x)`: `h.Push(x)`, then [`up`]`(h, h.Len()-1)`
//! - `heap.Pop(h)`: `n := h.Len()-1; h.Swap(0, n)`, [`down`]`(h, 0, n)`, then `h.Pop()`
//! - `heap.Remove(h, i)`: `n := h.Len()-1; if n != i { h.Swap(i, n); if !down(h, i, n) { up(h, i) } }`,
//!   then `h.Pop()`
//! - `heap.Fix(h, i)`: [`fix`]`(h, i, h.Len())`

use super::sort::LessSwap;

/// `heap.Init`: establishes the heap invariant on `n` elements.
pub fn init<D: LessSwap>(h: &mut D, n: usize) -> Result<(), D::Error> {
    for i in (0..n / 2).rev() {
        down(h, i, n)?;
    }
    Ok(())
}

/// Go's `up`: moves element `j` up towards the root.
pub fn up<D: LessSwap>(h: &mut D, mut j: usize) -> Result<(), D::Error> {
    while j > 0 {
        let i = (j - 1) / 2; // parent
        if !h.less(j, i)? {
            break;
        }
        h.swap(i, j);
        j = i;
    }
    Ok(())
}

/// Go's `down`: moves element `i0` down within the first `n`; true if it moved.
pub fn down<D: LessSwap>(h: &mut D, i0: usize, n: usize) -> Result<bool, D::Error> {
    let mut i = i0;
    loop {
        let j1 = 2 * i + 1;
        if j1 >= n {
            break;
        }
        let mut j = j1; // left child
        let j2 = j1 + 1;
        if j2 < n && h.less(j2, j1)? {
            j = j2; // right child
        }
        if !h.less(j, i)? {
            break;
        }
        h.swap(i, j);
        i = j;
    }
    Ok(i > i0)
}

/// `heap.Fix`: re-establishes the invariant after element `i` changed.
pub fn fix<D: LessSwap>(h: &mut D, i: usize, n: usize) -> Result<(), D::Error> {
    if !down(h, i, n)? {
        up(h, i)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stdlib::sort::Funcs;
    use std::cell::RefCell;

    /// A min-heap of (key, id) with Go's Push/Pop composition.
    fn run(ops: &str) -> String {
        let v: RefCell<Vec<(i64, i64)>> = RefCell::new(Vec::new());
        let mut out = Vec::new();
        let mut next_id = 0;
        for op in ops.split(',') {
            let mut h = Funcs {
                less: |i: usize, j: usize| v.borrow()[i].0 < v.borrow()[j].0,
                swap: |i: usize, j: usize| v.borrow_mut().swap(i, j),
            };
            if let Some(k) = op.strip_prefix('+') {
                v.borrow_mut().push((k.parse().unwrap(), next_id));
                next_id += 1;
                let n = v.borrow().len();
                let Ok(()) = up(&mut h, n - 1);
            } else {
                let n = v.borrow().len() - 1;
                (h.swap)(0, n);
                let Ok(_) = down(&mut h, 0, n);
                let e = v.borrow_mut().pop().unwrap();
                out.push(format!("{}:{}", e.0, e.1));
            }
        }
        out.join(" ")
    }

    /// Expected values from a real Go run of the same operations with container/heap.
    #[test]
    fn equal_priorities_pop_in_gos_order() {
        assert_eq!(
            run("+1,+1,+0,+1,+0,+1,+1,-,-,-,+0,-,-,-,-,-"),
            "0:2 0:4 1:5 0:7 1:6 1:3 1:0 1:1"
        );
    }
}
