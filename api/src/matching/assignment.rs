//! Assigning many cases to advisors at once: a minimum-cost flow.
//!
//! The network runs source → case (capacity 1) → advisor (one arc per allowed pair) → sink
//! (capacity: the advisor's free slots). Every arc into an advisor costs `SCALE − fit`, so a
//! flow of maximum size with minimum cost assigns as many cases as the capacities allow and,
//! among those plans, has the greatest total fit. Pairs that are not allowed (conflicts,
//! language, another desk) have no arc at all, so no plan can break those constraints. The
//! flow is found by successive shortest paths with Dijkstra over reduced costs (Johnson's
//! potentials), one unit at a time.

use std::{cmp::Reverse, collections::BinaryHeap};

/// Fit is a number from 0 to 1; costs are whole numbers on this scale.
const SCALE: i64 = 1_000_000;

#[derive(Debug, Clone)]
pub struct Problem {
    pub cases: usize,
    /// Free slots of each advisor.
    pub capacities: Vec<u32>,
    /// Allowed pairs: (case, advisor, fit from 0 to 1).
    pub pairs: Vec<(usize, usize, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// The advisor of each case, if any.
    pub assignment: Vec<Option<usize>>,
    /// The sum of the fits of the assigned pairs.
    pub total: f64,
}

struct Arc {
    to: usize,
    capacity: i64,
    cost: i64,
}

struct Network {
    arcs: Vec<Arc>,
    /// Arc ids leaving each node; arc `i ^ 1` is the reverse of arc `i`.
    out: Vec<Vec<usize>>,
}

impl Network {
    fn new(nodes: usize) -> Network {
        Network {
            arcs: Vec::new(),
            out: vec![Vec::new(); nodes],
        }
    }

    fn add(&mut self, from: usize, to: usize, capacity: i64, cost: i64) -> usize {
        let id = self.arcs.len();
        self.arcs.push(Arc { to, capacity, cost });
        self.out[from].push(id);
        self.arcs.push(Arc {
            to: from,
            capacity: 0,
            cost: -cost,
        });
        self.out[to].push(id + 1);
        id
    }
}

fn fit_cost(fit: f64) -> i64 {
    let fit = if fit.is_finite() {
        fit.clamp(0.0, 1.0)
    } else {
        0.0
    };
    SCALE - (fit * SCALE as f64).round() as i64
}

/// The plan with the most cases assigned and, among those, the greatest total fit.
pub fn solve(problem: &Problem) -> Solution {
    let cases = problem.cases;
    let advisors = problem.capacities.len();
    let source = cases + advisors;
    let sink = source + 1;
    let nodes = sink + 1;
    let mut network = Network::new(nodes);
    for case in 0..cases {
        network.add(source, case, 1, 0);
    }
    let mut pair_arcs = Vec::with_capacity(problem.pairs.len());
    for &(case, advisor, fit) in &problem.pairs {
        if case < cases && advisor < advisors {
            let arc = network.add(case, cases + advisor, 1, fit_cost(fit));
            pair_arcs.push((arc, case, advisor, fit));
        }
    }
    for (advisor, capacity) in problem.capacities.iter().enumerate() {
        if *capacity > 0 {
            network.add(cases + advisor, sink, i64::from(*capacity), 0);
        }
    }

    // All costs start non-negative, so zero potentials are valid. Each round finds a
    // shortest path in reduced costs, stopping as soon as the sink is settled, and shifts
    // the potentials of the settled nodes so that every residual arc keeps a non-negative
    // reduced cost (as in the AtCoder Library's min-cost flow).
    let mut potential = vec![0_i64; nodes];
    let mut distance = vec![i64::MAX; nodes];
    let mut via = vec![usize::MAX; nodes];
    let mut settled = vec![false; nodes];
    let mut queue = BinaryHeap::new();
    loop {
        distance.fill(i64::MAX);
        via.fill(usize::MAX);
        settled.fill(false);
        queue.clear();
        distance[source] = 0;
        queue.push(Reverse((0_i64, source)));
        while let Some(Reverse((d, node))) = queue.pop() {
            if settled[node] || d > distance[node] {
                continue;
            }
            settled[node] = true;
            if node == sink {
                break;
            }
            for &id in &network.out[node] {
                let arc = &network.arcs[id];
                if arc.capacity <= 0 {
                    continue;
                }
                let reduced = arc.cost + potential[node] - potential[arc.to];
                let next = d + reduced;
                if next < distance[arc.to] {
                    distance[arc.to] = next;
                    via[arc.to] = id;
                    queue.push(Reverse((next, arc.to)));
                }
            }
        }
        if !settled[sink] {
            break;
        }
        let to_sink = distance[sink];
        for node in 0..nodes {
            if settled[node] {
                potential[node] += distance[node] - to_sink;
            }
        }
        // One unit along the shortest path.
        let mut node = sink;
        while node != source {
            let id = via[node];
            network.arcs[id].capacity -= 1;
            network.arcs[id ^ 1].capacity += 1;
            node = network.arcs[id ^ 1].to;
        }
    }

    let mut assignment = vec![None; cases];
    let mut total = 0.0;
    for (arc, case, advisor, fit) in pair_arcs {
        if network.arcs[arc].capacity == 0 {
            assignment[case] = Some(advisor);
            total += fit;
        }
    }
    Solution { assignment, total }
}

/// How good a plan is.
#[derive(Debug, Clone, PartialEq)]
pub struct Quality {
    /// The plan's total fit ÷ what every case would get with its best allowed advisor if
    /// capacity were unlimited (1 when nothing is assigned and nothing could be).
    pub fit_share: f64,
    /// Highest minus lowest share of capacity in use after the plan, over the advisors.
    pub load_spread: f64,
    /// Assignments to a pair that is not allowed, or beyond an advisor's free slots.
    pub violations: usize,
}

pub fn quality(problem: &Problem, solution: &Solution, busy: &[u32]) -> Quality {
    let mut best = vec![0.0_f64; problem.cases];
    for &(case, _, fit) in &problem.pairs {
        if case < problem.cases {
            best[case] = best[case].max(fit);
        }
    }
    let optimum: f64 = best.iter().sum();
    let mut used = vec![0_u32; problem.capacities.len()];
    let mut violations = 0;
    for (case, advisor) in solution.assignment.iter().enumerate() {
        let Some(advisor) = *advisor else { continue };
        if !problem
            .pairs
            .iter()
            .any(|&(c, a, _)| c == case && a == advisor)
        {
            violations += 1;
        }
        if let Some(count) = used.get_mut(advisor) {
            *count += 1;
        }
    }
    for (advisor, count) in used.iter().enumerate() {
        if *count > problem.capacities[advisor] {
            violations += (*count - problem.capacities[advisor]) as usize;
        }
    }
    let shares: Vec<f64> = problem
        .capacities
        .iter()
        .enumerate()
        .map(|(advisor, free)| {
            let already = busy.get(advisor).copied().unwrap_or(0);
            let slots = f64::from(free + already);
            if slots > 0.0 {
                f64::from(used[advisor] + already) / slots
            } else {
                1.0
            }
        })
        .collect();
    let highest = shares.iter().copied().fold(f64::MIN, f64::max);
    let lowest = shares.iter().copied().fold(f64::MAX, f64::min);
    Quality {
        fit_share: if optimum > 0.0 {
            solution.total / optimum
        } else {
            1.0
        },
        load_spread: if shares.is_empty() {
            0.0
        } else {
            highest - lowest
        },
        violations,
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every plan, by trying each case with each allowed advisor or none.
    fn brute_force(problem: &Problem) -> (usize, f64) {
        fn walk(
            problem: &Problem,
            case: usize,
            used: &mut Vec<u32>,
            count: usize,
            total: f64,
            best: &mut (usize, f64),
        ) {
            if case == problem.cases {
                if count > best.0 || (count == best.0 && total > best.1 + 1e-9) {
                    *best = (count, total);
                }
                return;
            }
            walk(problem, case + 1, used, count, total, best);
            for &(c, advisor, fit) in &problem.pairs {
                if c == case && used[advisor] < problem.capacities[advisor] {
                    used[advisor] += 1;
                    walk(problem, case + 1, used, count + 1, total + fit, best);
                    used[advisor] -= 1;
                }
            }
        }
        let mut best = (0, 0.0);
        let mut used = vec![0; problem.capacities.len()];
        walk(problem, 0, &mut used, 0, 0.0, &mut best);
        best
    }

    #[test]
    fn a_contested_advisor_goes_where_the_total_is_best() {
        // Both cases prefer advisor 0, who has one slot; case 1 has nobody else.
        let problem = Problem {
            cases: 2,
            capacities: vec![1, 1],
            pairs: vec![(0, 0, 0.9), (0, 1, 0.8), (1, 0, 0.7)],
        };
        let solution = solve(&problem);
        assert_eq!(solution.assignment, vec![Some(1), Some(0)]);
        assert!((solution.total - 1.5).abs() < 1e-9);
        let quality = quality(&problem, &solution, &[0, 0]);
        assert_eq!(quality.violations, 0);
        assert!((quality.fit_share - 1.5 / 1.6).abs() < 1e-9);
        assert!(quality.load_spread.abs() < 1e-9);
    }

    #[test]
    fn cases_without_an_allowed_advisor_stay_unassigned() {
        let problem = Problem {
            cases: 3,
            capacities: vec![1, 0],
            pairs: vec![(0, 0, 0.5), (1, 0, 0.6), (1, 1, 0.9)],
        };
        let solution = solve(&problem);
        assert_eq!(solution.assignment.iter().flatten().count(), 1);
        assert_eq!(solution.assignment[2], None);
        assert_eq!(quality(&problem, &solution, &[0, 0]).violations, 0);
    }

    /// Random instances: `cases` × `advisors`, each pair allowed with probability ⅔ and a
    /// fit in thousandths, capacities from 0 to `max_capacity`.
    fn problems(
        max_cases: usize,
        max_advisors: usize,
        max_capacity: u32,
    ) -> impl Strategy<Value = Problem> {
        (1..=max_cases, 1..=max_advisors).prop_flat_map(move |(cases, advisors)| {
            (
                proptest::collection::vec(0..=max_capacity, advisors),
                proptest::collection::vec(
                    proptest::option::weighted(0.67, 0u32..=1000),
                    cases * advisors,
                ),
            )
                .prop_map(move |(capacities, fits)| Problem {
                    cases,
                    capacities,
                    pairs: fits
                        .iter()
                        .enumerate()
                        .filter_map(|(n, fit)| {
                            fit.map(|fit| (n / advisors, n % advisors, f64::from(fit) / 1000.0))
                        })
                        .collect(),
                })
        })
    }

    /// Counted here, independently of [`quality`]: every assigned pair is allowed and no
    /// advisor gets more cases than their free slots.
    fn respects_the_constraints(problem: &Problem, solution: &Solution) -> bool {
        let mut used = vec![0u32; problem.capacities.len()];
        solution
            .assignment
            .iter()
            .enumerate()
            .all(|(case, advisor)| {
                advisor.is_none_or(|advisor| {
                    used[advisor] += 1;
                    problem
                        .pairs
                        .iter()
                        .any(|&(c, a, _)| c == case && a == advisor)
                })
            })
            && used
                .iter()
                .zip(&problem.capacities)
                .all(|(used, cap)| used <= cap)
    }

    proptest! {
        #[test]
        fn small_instances_match_exhaustive_search(problem in problems(6, 4, 2)) {
            let solution = solve(&problem);
            let (count, total) = brute_force(&problem);
            prop_assert_eq!(solution.assignment.iter().flatten().count(), count);
            prop_assert!((solution.total - total).abs() < 1e-6, "{} vs {total}", solution.total);
            prop_assert!(respects_the_constraints(&problem, &solution));
            prop_assert_eq!(quality(&problem, &solution, &[]).violations, 0);
        }

        #[test]
        fn larger_instances_never_break_a_constraint(problem in problems(40, 12, 4)) {
            let solution = solve(&problem);
            prop_assert!(respects_the_constraints(&problem, &solution));
            prop_assert_eq!(quality(&problem, &solution, &[]).violations, 0);
            let quality = quality(&problem, &solution, &[]);
            prop_assert!(quality.fit_share <= 1.0 + 1e-9);
        }
    }
}
