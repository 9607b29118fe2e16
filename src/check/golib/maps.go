// Package maps for minigo: Go's src/maps (maps.go, iter.go; Copyright The Go Authors,
// BSD-style license), with each map type parameter converted to its core type map[K]V
// before use, Clone written in Go, and the range-over-func loop of Insert written as a
// direct call of the iterator. Compiled (monomorphised) like the program's own generic code.
package maps

import "iter"

func Equal[M1, M2 ~map[K]V, K, V comparable](m1 M1, m2 M2) bool {
	a, b := map[K]V(m1), map[K]V(m2)
	if len(a) != len(b) {
		return false
	}
	for k, v1 := range a {
		if v2, ok := b[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}

func EqualFunc[M1 ~map[K]V1, M2 ~map[K]V2, K comparable, V1, V2 any](m1 M1, m2 M2, eq func(V1, V2) bool) bool {
	a, b := map[K]V1(m1), map[K]V2(m2)
	if len(a) != len(b) {
		return false
	}
	for k, v1 := range a {
		if v2, ok := b[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

func Clone[M ~map[K]V, K comparable, V any](m M) M {
	a := map[K]V(m)
	if a == nil {
		return M(nil)
	}
	r := make(map[K]V, len(a))
	for k, v := range a {
		r[k] = v
	}
	return M(r)
}

func Copy[M1 ~map[K]V, M2 ~map[K]V, K comparable, V any](dst M1, src M2) {
	d := map[K]V(dst)
	for k, v := range map[K]V(src) {
		d[k] = v
	}
}

func DeleteFunc[M ~map[K]V, K comparable, V any](m M, del func(K, V) bool) {
	a := map[K]V(m)
	for k, v := range a {
		if del(k, v) {
			delete(a, k)
		}
	}
}

func All[Map ~map[K]V, K comparable, V any](m Map) iter.Seq2[K, V] {
	a := map[K]V(m)
	return func(yield func(K, V) bool) {
		for k, v := range a {
			if !yield(k, v) {
				return
			}
		}
	}
}

func Keys[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[K] {
	a := map[K]V(m)
	return func(yield func(K) bool) {
		for k := range a {
			if !yield(k) {
				return
			}
		}
	}
}

func Values[Map ~map[K]V, K comparable, V any](m Map) iter.Seq[V] {
	a := map[K]V(m)
	return func(yield func(V) bool) {
		for _, v := range a {
			if !yield(v) {
				return
			}
		}
	}
}

func Insert[Map ~map[K]V, K comparable, V any](m Map, seq iter.Seq2[K, V]) {
	a := map[K]V(m)
	seq(func(k K, v V) bool {
		a[k] = v
		return true
	})
}

func Collect[K comparable, V any](seq iter.Seq2[K, V]) map[K]V {
	m := make(map[K]V)
	Insert(m, seq)
	return m
}
