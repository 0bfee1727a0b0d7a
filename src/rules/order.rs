//! Longest ordered subsequences: what stays in place when a sequence that is
//! meant to be sorted is not, so that only the fewest items are blamed.

/// Indices of a longest subsequence of `keys` that runs in order
/// (increasing; non-decreasing when `ties` may stay side by side), in
/// O(n log n). Of all such subsequences, the one that keeps the earliest
/// items: read top down, the item reported is the one that breaks the order
/// (`2021, 2023, 2022` keeps 2021 and 2023 and blames 2022).
pub(super) fn longest_ordered(keys: &[i64], ties: bool) -> Vec<usize> {
    let n = keys.len();
    // from[i]: the length of the longest run in order that starts at i,
    // found right to left (a run in order read backwards is decreasing).
    let mut from = vec![0usize; n];
    let mut tails: Vec<i64> = Vec::new();
    for i in (0..n).rev() {
        let key = -keys[i];
        let position = if ties {
            tails.partition_point(|&t| t <= key)
        } else {
            tails.partition_point(|&t| t < key)
        };
        from[i] = position + 1;
        if position == tails.len() {
            tails.push(key);
        } else {
            tails[position] = key;
        }
    }
    let Some(&longest) = from.iter().max() else {
        return Vec::new();
    };
    // Greedily the earliest item that still leaves a run long enough.
    let mut kept = Vec::with_capacity(longest);
    let mut need = longest;
    let mut last: Option<i64> = None;
    for (i, &key) in keys.iter().enumerate() {
        if need == 0 {
            break;
        }
        let follows = last.is_none_or(|l| if ties { key >= l } else { key > l });
        if from[i] == need && follows {
            kept.push(i);
            last = Some(key);
            need -= 1;
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::longest_ordered;

    #[test]
    fn keeps_the_earliest_of_the_longest_runs() {
        assert_eq!(longest_ordered(&[2021, 2022, 2023], false), vec![0, 1, 2]);
        assert_eq!(
            longest_ordered(&[2021, 2025, 2022, 2023, 2024], false),
            vec![0, 2, 3, 4]
        );
        // Read top down, 2022 breaks the order, not 2023.
        assert_eq!(longest_ordered(&[2021, 2023, 2022], false), vec![0, 1]);
        assert_eq!(
            longest_ordered(&[-2024, -2023, -2025, -2022], false),
            vec![0, 1, 3]
        );
        assert_eq!(longest_ordered(&[], false), Vec::<usize>::new());
    }

    #[test]
    fn ties_may_stay_side_by_side() {
        assert_eq!(
            longest_ordered(&[1, 1, 2, 2, 0, 3], true),
            vec![0, 1, 2, 3, 5]
        );
        assert_eq!(longest_ordered(&[1, 1, 2, 2, 0, 3], false), vec![0, 2, 5]);
    }
}
