%% A tiny calculator language: tokenizer, recursive-descent parser and
%% evaluator with variables, let-bindings, functions and errors.
-module(prog_interp).
-export([start/0]).

start() ->
    Progs = [
        "1 + 2 * 3",
        "(1 + 2) * 3",
        "10 - 4 - 3",
        "100 / 7",
        "100 % 7",
        "-5 + 2",
        "2 * (3 + 4) * 5",
        "let x = 5 in x * x",
        "let x = 2 in let y = x + 3 in x * y",
        "let sq = fn n => n * n in sq(12)",
        "let add = fn a => fn b => a + b in add(3)(4)",
        "let fact = fn n => if n < 2 then 1 else n * fact(n - 1) in fact(10)",
        "let fib = fn n => if n < 2 then n else fib(n - 1) + fib(n - 2) in fib(15)",
        "if 1 < 2 then 10 else 20",
        "if 3 == 4 then 1 else 0",
        "undefined_var + 1",
        "1 / 0",
        "1 +",
        "(1 + 2",
        "5 5",
        "let f = 3 in f(1)",
        "@"
    ],
    lists:foreach(fun(P) -> io:format("~s~n    => ~p~n", [P, run(P)]) end, Progs),
    ok.

run(Src) ->
    try
        Toks = tokenize(Src),
        {Ast, []} = parse_expr(Toks),
        {ok, eval(Ast, [])}
    catch
        throw:{Kind, What} -> {error, Kind, What};
        error:{badmatch, {_, Rest}} -> {error, trailing, length(Rest)}
    end.

%% ---- tokenizer
tokenize([]) -> [];
tokenize([C | T]) when C =:= $\s -> tokenize(T);
tokenize([C | _] = S) when C >= $0, C =< $9 ->
    {Digits, Rest} = lists:splitwith(fun(D) -> D >= $0 andalso D =< $9 end, S),
    [{num, list_to_integer(Digits)} | tokenize(Rest)];
tokenize([C | _] = S) when C >= $a, C =< $z ->
    {Name, Rest} = lists:splitwith(fun(D) -> (D >= $a andalso D =< $z) orelse D =:= $_ end, S),
    [ident_or_kw(Name) | tokenize(Rest)];
tokenize("=>" ++ T) -> ['=>' | tokenize(T)];
tokenize("==" ++ T) -> ['==' | tokenize(T)];
tokenize([C | T]) ->
    case lists:member(C, "+-*/%()<=") of
        true -> [list_to_atom([C]) | tokenize(T)];
        false -> throw({bad_char, [C]})
    end.

ident_or_kw(Name) ->
    case lists:member(Name, ["let", "in", "fn", "if", "then", "else"]) of
        true -> list_to_atom(Name);
        false -> {id, Name}
    end.

%% ---- parser
parse_expr(['let', {id, X}, '=' | T]) ->
    {E1, ['in' | T2]} = parse_expr(T),
    {E2, T3} = parse_expr(T2),
    {{'let', X, E1, E2}, T3};
parse_expr(['fn', {id, X}, '=>' | T]) ->
    {Body, T2} = parse_expr(T),
    {{'fn', X, Body}, T2};
parse_expr(['if' | T]) ->
    {C, ['then' | T2]} = parse_expr(T),
    {A, ['else' | T3]} = parse_expr(T2),
    {B, T4} = parse_expr(T3),
    {{'if', C, A, B}, T4};
parse_expr(T) -> parse_cmp(T).

parse_cmp(T) ->
    {L, T2} = parse_sum(T),
    case T2 of
        ['<' | T3] -> {R, T4} = parse_sum(T3), {{'<', L, R}, T4};
        ['==' | T3] -> {R, T4} = parse_sum(T3), {{'==', L, R}, T4};
        _ -> {L, T2}
    end.

parse_sum(T) ->
    {L, T2} = parse_term(T),
    sum_rest(L, T2).
sum_rest(L, [Op | T]) when Op =:= '+'; Op =:= '-' ->
    {R, T2} = parse_term(T),
    sum_rest({Op, L, R}, T2);
sum_rest(L, T) -> {L, T}.

parse_term(T) ->
    {L, T2} = parse_unary(T),
    term_rest(L, T2).
term_rest(L, [Op | T]) when Op =:= '*'; Op =:= '/'; Op =:= '%' ->
    {R, T2} = parse_unary(T),
    term_rest({Op, L, R}, T2);
term_rest(L, T) -> {L, T}.

parse_unary(['-' | T]) ->
    {E, T2} = parse_unary(T),
    {{neg, E}, T2};
parse_unary(T) ->
    {E, T2} = parse_atom(T),
    call_rest(E, T2).

call_rest(F, ['(' | T]) ->
    {Arg, [')' | T2]} = parse_expr(T),
    call_rest({call, F, Arg}, T2);
call_rest(E, T) -> {E, T}.

parse_atom([{num, N} | T]) -> {{num, N}, T};
parse_atom([{id, X} | T]) -> {{var, X}, T};
parse_atom(['(' | T]) ->
    case parse_expr(T) of
        {E, [')' | T2]} -> {E, T2};
        {_, _} -> throw({syntax, missing_paren})
    end;
parse_atom([]) -> throw({syntax, unexpected_end});
parse_atom([Tok | _]) -> throw({syntax, Tok}).

%% ---- evaluator
eval({num, N}, _) -> N;
eval({var, X}, Env) ->
    case lists:keyfind(X, 1, Env) of
        {X, V} -> V;
        false -> throw({unbound, X})
    end;
eval({neg, E}, Env) -> -eval(E, Env);
eval({'+', A, B}, Env) -> eval(A, Env) + eval(B, Env);
eval({'-', A, B}, Env) -> eval(A, Env) - eval(B, Env);
eval({'*', A, B}, Env) -> eval(A, Env) * eval(B, Env);
eval({'/', A, B}, Env) -> divide(eval(A, Env), eval(B, Env));
eval({'%', A, B}, Env) -> eval(A, Env) rem eval(B, Env);
eval({'<', A, B}, Env) -> bool(eval(A, Env) < eval(B, Env));
eval({'==', A, B}, Env) -> bool(eval(A, Env) =:= eval(B, Env));
eval({'if', C, A, B}, Env) ->
    case eval(C, Env) of
        0 -> eval(B, Env);
        _ -> eval(A, Env)
    end;
eval({'let', X, E1, E2}, Env) ->
    %% recursive let: a closure can see its own name
    V = case E1 of
            {'fn', P, Body} -> {closure, P, Body, X, Env};
            _ -> eval(E1, Env)
        end,
    eval(E2, [{X, V} | Env]);
eval({'fn', P, Body}, Env) -> {closure, P, Body, none, Env};
eval({call, F, A}, Env) ->
    case eval(F, Env) of
        {closure, P, Body, Self, CEnv} = Clo ->
            Arg = eval(A, Env),
            Env2 = [{P, Arg} | CEnv],
            Env3 = case Self of none -> Env2; _ -> [{Self, Clo} | Env2] end,
            eval(Body, Env3);
        Other -> throw({not_a_function, Other})
    end.

divide(_, 0) -> throw({arith, division_by_zero});
divide(A, B) -> A div B.

bool(true) -> 1;
bool(false) -> 0.
