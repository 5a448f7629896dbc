//! Each type family that a cargo feature can leave out, run from Erlang:
//! with the feature the call answers as on the BEAM; without it, the call
//! raises the error docs/features.md documents (`notsup` for left-out
//! natives, `system_limit` for integers beyond the small range). Run in
//! every build (`scripts/test-all` also runs it with no features), so
//! each line checks one side or the other.

use gluon_vm::os::Os;
use gluon_vm::vm::{Config, ExitKind, RunStatus, Vm};
use std::sync::{Arc, Mutex};

struct Capture(Arc<Mutex<Vec<u8>>>);

impl Os for Capture {
    fn console_write(&mut self, b: &[u8]) {
        self.0.lock().unwrap().extend_from_slice(b);
    }
    fn monotonic_ns(&mut self) -> u64 {
        0
    }
}

/// One line per check: `name: result`, the result being the value or
/// `{Class, Reason}` of the exception. Arguments go through `id/1` so
/// that erlc cannot fold the operations at compile time.
const SRC: &str = r#"-module(feat).
-export([start/0, id/1]).
id(X) -> X.
t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~s: ~p~n", [Name, R]).
start() ->
    t("bignum mul", fun() -> X = id(1 bsl 26), X * X * X end),
    t("bignum parse", fun() -> list_to_integer(id("123456789012345678901234567890")) end),
    t("bignum bsl", fun() -> id(1) bsl 70 end),
    t("small", fun() -> X = id(1 bsl 13), X * X - 1 end),
    t("float math", fun() -> math:sqrt(id(2.0)) end),
    t("float text", fun() -> float_to_binary(id(0.5)) end),
    t("float arith", fun() -> id(1.5) * 2 end),
    t("maps", fun() ->
        M = maps:from_list([{K, K * K} || K <- id([1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
            11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
            28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40])]),
        M2 = maps:remove(3, maps:remove(40, M#{41 => x})),
        {map_size(M), map_get(17, M), map_size(M2), maps:is_key(3, M2), maps:get(41, M2)}
    end),
    t("etf", fun() -> binary_to_term(term_to_binary(id({a, 1}))) end),
    t("unicode", fun() -> byte_size(unicode:characters_to_binary(id([104, 233]))) end),
    t("case", fun() -> string:uppercase(id("abc")) end),
    t("hashes", fun() -> {erlang:crc32(id(<<"abc">>)), erlang:phash2(id(abc))} end),
    t("binary module", fun() -> binary:split(id(<<"a,b">>), <<",">>) end).
"#;

/// The expected line for a check: `on` with the feature, `off` without.
fn expect(name: &str, feature: bool, on: &str, off: &str) -> String {
    format!("{name}: {}\n", if feature { on } else { off })
}

fn expected() -> String {
    let notsup = "{error,notsup}";
    let limit = "{error,system_limit}";
    let big = cfg!(feature = "bignum");
    let float = cfg!(feature = "float");
    [
        expect("bignum mul", big, "302231454903657293676544", limit),
        expect("bignum parse", big, "123456789012345678901234567890", limit),
        expect("bignum bsl", big, "1180591620717411303424", limit),
        expect("small", true, "67108863", ""),
        expect("float math", float, "1.4142135623730951", notsup),
        expect(
            "float text",
            float,
            "<<\"5.00000000000000000000e-01\">>",
            notsup,
        ),
        expect("float arith", true, "3.0", ""),
        expect("maps", true, "{40,289,39,false,x}", ""),
        expect("etf", cfg!(feature = "etf"), "{a,1}", notsup),
        expect("unicode", cfg!(feature = "unicode"), "3", notsup),
        expect("case", cfg!(feature = "unicode"), "\"ABC\"", notsup),
        expect(
            "hashes",
            cfg!(feature = "hashes"),
            "{891568578,26499}",
            notsup,
        ),
        expect(
            "binary module",
            cfg!(feature = "binary-module"),
            "[<<\"a\">>,<<\"b\">>]",
            notsup,
        ),
    ]
    .concat()
}

fn compile(dir: &std::path::Path) -> Vec<u8> {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("feat.erl"), SRC).unwrap();
    let ok = std::process::Command::new("erlc")
        .arg("-o")
        .arg(dir)
        .arg(dir.join("feat.erl"))
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "erlc is needed (scripts/provision installs it)");
    std::fs::read(dir.join("feat.beam")).unwrap()
}

#[test]
fn left_out_families_raise_their_documented_errors() {
    let dir = std::env::temp_dir().join(format!("gluon-features-{}", std::process::id()));
    let beam = compile(&dir);
    let out = Arc::new(Mutex::new(Vec::new()));
    let mut vm = Vm::new(Config::default(), Box::new(Capture(out.clone())));
    let m = gluon_vm::loader::load(&mut vm, &beam).unwrap();
    let f = vm.atoms.intern("start").unwrap();
    let pid = vm.spawn(m, f, &[]).unwrap();
    vm.watch(pid);
    assert_eq!(vm.run(10_000_000), RunStatus::Idle { until: None });
    let text = String::from_utf8(out.lock().unwrap().clone()).unwrap();
    assert_eq!(vm.watched_exit(), Some(ExitKind::Normal), "{text}");
    assert_eq!(text, expected());
    let _ = std::fs::remove_dir_all(&dir);
}
