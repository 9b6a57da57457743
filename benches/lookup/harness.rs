//! The timing: groups of alternatives, each a batch of lookups, measured interleaved in rounds
//! (see `main.rs` for why), or, in test mode, run once.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::{Config, Mode, codes, report};

/// One alternative of a group, as the report needs it.
pub struct Row {
    pub group: String,
    /// The alternative (`api`, `phf`, `hashmap`, ...).
    pub name: String,
    /// Nanoseconds per lookup, one per round, in round order; empty when not measured.
    pub rounds: Vec<f64>,
}

/// An alternative's timed loop.
trait Timed {
    /// Times `iters` batches.
    fn time(&mut self, iters: u64) -> Duration;

    /// Called before each round: rebuilds what the alternative builds at run time.
    fn new_round(&mut self) {}
}

/// `f` over every input, one call each, inputs and outputs through `black_box`.
struct Batch<'a, I, F> {
    inputs: &'a [I],
    f: F,
}

impl<I, O, F: Fn(&I) -> O> Timed for Batch<'_, I, F> {
    fn time(&mut self, iters: u64) -> Duration {
        let start = Instant::now();
        for _ in 0..iters {
            for input in self.inputs {
                black_box((self.f)(black_box(input)));
            }
        }
        start.elapsed()
    }
}

/// The same over a structure built again, by `build`, before each round.
struct Rebuilt<'a, I, S, B, F> {
    inputs: &'a [I],
    build: B,
    state: S,
    f: F,
}

impl<I, O, S, B: Fn() -> S, F: Fn(&S, &I) -> O> Timed for Rebuilt<'_, I, S, B, F> {
    fn time(&mut self, iters: u64) -> Duration {
        let state = &self.state;
        let start = Instant::now();
        for _ in 0..iters {
            for input in self.inputs {
                black_box((self.f)(state, black_box(input)));
            }
        }
        start.elapsed()
    }

    fn new_round(&mut self) {
        self.state = (self.build)();
    }
}

struct Alternative<'a> {
    name: String,
    /// Lookups per batch.
    batch: usize,
    run: Box<dyn Timed + 'a>,
}

/// The scheduler's count of the times this thread was put on a CPU (the third field of
/// `/proc/thread-self/schedstat`): if it moved during a sample, the thread was switched out and
/// the sample's wall time includes another task's. `None` where it cannot be read.
fn switches() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().nth(2)?.parse().ok()
}

/// Samples taken again after a switch, at most.
const RETRIES: usize = 3;

/// The benchmarks of a process, and their results.
pub struct Suite {
    config: Config,
    pub rows: Vec<Row>,
    /// Samples taken, and of them the ones taken again because the thread was switched out.
    pub samples: u64,
    pub retaken: u64,
    /// Whether `/proc/thread-self/schedstat` could be read.
    pub schedstat: bool,
}

impl Suite {
    pub fn new(config: Config) -> Suite {
        Suite {
            config,
            rows: Vec::new(),
            samples: 0,
            retaken: 0,
            schedstat: switches().is_some(),
        }
    }

    /// A group of alternatives, measured together, interleaved, when `finish` is called.
    pub fn group<'a>(&mut self, name: &str) -> Group<'_, 'a> {
        Group {
            suite: self,
            name: name.to_owned(),
            alternatives: Vec::new(),
        }
    }

    fn selected(&self, group: &str) -> bool {
        self.config.filters.is_empty() || self.config.filters.iter().any(|f| group.contains(f))
    }

    /// One sample of `iters` batches, taken again (at most `RETRIES` times) if the thread was
    /// switched out during it.
    fn sample(&mut self, run: &mut dyn Timed, iters: u64) -> Duration {
        let mut attempt = 0;
        loop {
            let before = if self.schedstat { switches() } else { None };
            let t = run.time(iters);
            let after = if self.schedstat { switches() } else { None };
            self.samples += 1;
            if before.is_some() && before != after && attempt < RETRIES {
                self.retaken += 1;
                attempt += 1;
                continue;
            }
            return t;
        }
    }

    /// The number of batches that lasts about one sample, found by doubling while warming up.
    fn calibrate(&self, run: &mut dyn Timed) -> u64 {
        let plan = &self.config.plan;
        let start = Instant::now();
        let mut iters = 1u64;
        loop {
            let t = run.time(iters);
            let long_enough = t * 4 >= plan.sample;
            if long_enough && start.elapsed() >= plan.warm_up {
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    clippy::cast_precision_loss
                )]
                let n = (plan.sample.as_secs_f64() / t.as_secs_f64() * iters as f64).ceil() as u64;
                return n.max(1);
            }
            if !long_enough {
                iters *= 2;
            }
        }
    }

    /// Measures a group: calibration, then the rounds.
    fn measure(&mut self, group: &str, alternatives: &mut [Alternative<'_>]) -> Vec<Vec<f64>> {
        let plan = self.config.plan.clone();
        let iters: Vec<u64> = alternatives
            .iter_mut()
            .map(|alt| self.calibrate(alt.run.as_mut()))
            .collect();
        let n = alternatives.len();
        let mut rounds = vec![Vec::with_capacity(plan.rounds); n];
        let mut order: Vec<usize> = (0..n).collect();
        // A different sequence of orders per group and per process.
        let mut seed = group
            .bytes()
            .chain(std::process::id().to_le_bytes())
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            })
            | 1;
        for _ in 0..plan.rounds {
            for alt in alternatives.iter_mut() {
                alt.run.new_round();
            }
            let mut best = vec![f64::INFINITY; n];
            for _ in 0..plan.passes {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                codes::shuffle(&mut order, seed);
                for &i in &order {
                    let t = self.sample(alternatives[i].run.as_mut(), iters[i]);
                    #[allow(clippy::cast_precision_loss)]
                    let ns = t.as_nanos() as f64 / (iters[i] as f64 * alternatives[i].batch as f64);
                    best[i] = best[i].min(ns);
                }
            }
            for (i, ns) in best.into_iter().enumerate() {
                rounds[i].push(ns);
            }
        }
        rounds
    }

    /// Runs (or lists) a group, and records its rows.
    fn run(&mut self, group: &str, mut alternatives: Vec<Alternative<'_>>) {
        let selected = self.selected(group);
        let started = Instant::now();
        let rounds = match self.config.mode {
            Mode::List => {
                for alt in &alternatives {
                    println!("{group}/{}: benchmark", alt.name);
                }
                None
            }
            Mode::Test if selected => {
                for alt in &mut alternatives {
                    alt.run.new_round();
                    alt.run.time(1);
                }
                println!("{group}: {} alternatives ran once: ok", alternatives.len());
                None
            }
            Mode::Child if selected => Some(self.measure(group, &mut alternatives)),
            Mode::Test | Mode::Child | Mode::Bench => None,
        };
        let rounds = rounds.unwrap_or_else(|| vec![Vec::new(); alternatives.len()]);
        // Progress: this process's median ratios.
        let reference = report::reference(group);
        if let Some(base) = alternatives
            .iter()
            .position(|a| a.name == reference)
            .map(|i| &rounds[i])
            .filter(|b| !b.is_empty())
        {
            let ratios: Vec<String> = alternatives
                .iter()
                .zip(&rounds)
                .map(|(alt, r)| {
                    let median = report::Spread::of(&report::ratios(r, base)).median;
                    format!("{} {median:.2}", alt.name)
                })
                .collect();
            eprintln!(
                "{group} ({:.1} s) ÷ {reference}: {}",
                started.elapsed().as_secs_f64(),
                ratios.join(", ")
            );
        }
        for (alt, rounds) in alternatives.iter().zip(rounds) {
            self.rows.push(Row {
                group: group.to_owned(),
                name: alt.name.clone(),
                rounds,
            });
        }
    }
}

/// A group being declared: its alternatives, measured together when it finishes.
pub struct Group<'s, 'a> {
    suite: &'s mut Suite,
    name: String,
    alternatives: Vec<Alternative<'a>>,
}

impl<'a> Group<'_, 'a> {
    /// Adds an alternative: `f` over every input, one call each, inputs and outputs through
    /// `black_box`.
    pub fn batch<I, O>(&mut self, name: &str, inputs: &'a [I], f: impl Fn(&I) -> O + 'a) {
        self.add(name, inputs.len(), Box::new(Batch { inputs, f }));
    }

    /// Adds an alternative over a structure that `build` makes again before each round, for a
    /// structure whose speed depends on something chosen when it is built: a `HashMap`'s
    /// `RandomState` is a new random hash key each time, which moves a lookup's time by 10% or
    /// more, so one map per run would make its ratios differ from run to run.
    pub fn batch_rebuilt<I, O, S: 'a>(
        &mut self,
        name: &str,
        inputs: &'a [I],
        build: impl Fn() -> S + 'a,
        f: impl Fn(&S, &I) -> O + 'a,
    ) {
        let state = build();
        self.add(
            name,
            inputs.len(),
            Box::new(Rebuilt {
                inputs,
                build,
                state,
                f,
            }),
        );
    }

    fn add(&mut self, name: &str, batch: usize, run: Box<dyn Timed + 'a>) {
        assert!(batch > 0, "{}/{name}: no inputs", self.name);
        assert!(
            self.alternatives.iter().all(|a| a.name != name),
            "{}/{name}: twice",
            self.name
        );
        self.alternatives.push(Alternative {
            name: name.to_owned(),
            batch,
            run,
        });
    }

    /// Measures (or, in test mode, runs once) every alternative of the group, and records them.
    pub fn finish(self) {
        let Group {
            suite,
            name,
            alternatives,
        } = self;
        suite.run(&name, alternatives);
    }
}
