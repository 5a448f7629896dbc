-module(recursion).
-export([start/0]).

start() ->
    io:format("fib: ~w~n", [[fib(N) || N <- lists:seq(0, 20)]]),
    io:format("fib_iter(40): ~w~n", [fib_iter(40)]),
    io:format("fact: ~w~n", [[fact(N) || N <- lists:seq(0, 10)]]),
    io:format("fact_tail(10): ~w~n", [fact_tail(10, 1)]),
    io:format("ack: ~w~n", [[ack(M, N) || M <- [0, 1, 2, 3], N <- [0, 1, 2, 3]]]),
    io:format("even/odd: ~w~n", [[{N, is_even(N), is_odd(N)} || N <- [0, 1, 7, 10, 101]]]),
    io:format("len_body: ~w~n", [len_body(lists:seq(1, 1000))]),
    io:format("len_tail: ~w~n", [len_tail(lists:seq(1, 1000), 0)]),
    io:format("sum_body: ~w~n", [sum_body(lists:seq(1, 1000))]),
    io:format("sum_tail: ~w~n", [sum_tail(lists:seq(1, 1000), 0)]),
    %% deep body recursion
    Deep = lists:seq(1, 100000),
    io:format("deep sum_body: ~w~n", [sum_body([X rem 1000 || X <- Deep])]),
    io:format("deep len_body: ~w~n", [len_body(Deep)]),
    io:format("deep count_down: ~w~n", [count_down(100000)]),
    io:format("deep build: ~w~n", [length(build(100000))]),
    io:format("deep map: ~w~n", [lists:last(my_map(fun(X) -> X * 2 end, Deep))]),
    io:format("tail loop 1000000: ~w~n", [loop(1000000, 0)]),
    io:format("rev: ~w~n", [my_reverse([1, 2, 3, 4, 5], [])]),
    io:format("gcd: ~w~n", [[gcd(A, B) || {A, B} <- [{12, 18}, {17, 5}, {100, 75}, {0, 9}, {81, 27}]]]),
    io:format("pow: ~w~n", [[pow(2, N) || N <- lists:seq(0, 20)]]),
    io:format("hanoi 10 moves: ~w~n", [hanoi(10, a, b, c)]),
    io:format("hanoi 3: ~w~n", [hanoi_moves(3, a, b, c)]),
    io:format("collatz 27: ~w~n", [collatz(27, 0)]),
    io:format("digits: ~w~n", [digits(9876543, [])]),
    io:format("qsort: ~w~n", [qsort([5, 3, 9, 1, 7, 3, 8, 2, 6, 4, 0])]),
    io:format("msort: ~w~n", [msort([5, 3, 9, 1, 7, 3, 8, 2, 6, 4, 0])]),
    io:format("perms: ~w~n", [perms([1, 2, 3])]),
    io:format("subsets: ~w~n", [subsets([a, b, c])]),
    io:format("queens 6: ~w~n", [queens(6)]),
    io:format("queens 8 count: ~w~n", [length(all_queens(8))]),
    io:format("primes: ~w~n", [sieve(lists:seq(2, 100))]),
    io:format("tree: ~w~n", [tree_to_list(tree_from([5, 2, 8, 1, 9, 3, 7]))]),
    io:format("tree depth: ~w~n", [tree_depth(tree_from(lists:seq(1, 50)))]),
    io:format("flatten: ~w~n", [my_flatten([1, [2, [3, [4, []]], 5], [[[6]]]])]),
    io:format("binomial: ~w~n", [[binom(10, K) || K <- lists:seq(0, 10)]]),
    io:format("mutual 3-way: ~w~n", [[m3a(N) || N <- lists:seq(0, 9)]]),
    ok.

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).

fib_iter(N) -> fib_iter(N, 0, 1).
fib_iter(0, A, _) -> A;
fib_iter(N, A, B) -> fib_iter(N - 1, B, A + B).

fact(0) -> 1;
fact(N) when N > 0 -> N * fact(N - 1).

fact_tail(0, Acc) -> Acc;
fact_tail(N, Acc) -> fact_tail(N - 1, N * Acc).

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

is_even(0) -> true;
is_even(N) -> is_odd(N - 1).
is_odd(0) -> false;
is_odd(N) -> is_even(N - 1).

len_body([]) -> 0;
len_body([_ | T]) -> 1 + len_body(T).

len_tail([], N) -> N;
len_tail([_ | T], N) -> len_tail(T, N + 1).

sum_body([]) -> 0;
sum_body([H | T]) -> H + sum_body(T).

sum_tail([], S) -> S;
sum_tail([H | T], S) -> sum_tail(T, S + H).

count_down(0) -> 0;
count_down(N) -> 1 + count_down(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

my_map(_, []) -> [];
my_map(F, [H | T]) -> [F(H) | my_map(F, T)].

loop(0, Acc) -> Acc;
loop(N, Acc) -> loop(N - 1, Acc + 1).

my_reverse([], Acc) -> Acc;
my_reverse([H | T], Acc) -> my_reverse(T, [H | Acc]).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

pow(_, 0) -> 1;
pow(B, N) when N rem 2 =:= 0 -> H = pow(B, N div 2), H * H;
pow(B, N) -> B * pow(B, N - 1).

hanoi(0, _, _, _) -> 0;
hanoi(N, From, To, Via) ->
    hanoi(N - 1, From, Via, To) + 1 + hanoi(N - 1, Via, To, From).

hanoi_moves(0, _, _, _) -> [];
hanoi_moves(N, From, To, Via) ->
    hanoi_moves(N - 1, From, Via, To) ++ [{From, To}] ++ hanoi_moves(N - 1, Via, To, From).

collatz(1, Steps) -> Steps;
collatz(N, Steps) when N rem 2 =:= 0 -> collatz(N div 2, Steps + 1);
collatz(N, Steps) -> collatz(3 * N + 1, Steps + 1).

digits(N, Acc) when N < 10 -> [N | Acc];
digits(N, Acc) -> digits(N div 10, [N rem 10 | Acc]).

qsort([]) -> [];
qsort([P | T]) ->
    qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

msort([]) -> [];
msort([X]) -> [X];
msort(L) ->
    {A, B} = halve(L, [], []),
    merge(msort(A), msort(B)).

halve([], A, B) -> {A, B};
halve([X | T], A, B) -> halve(T, B, [X | A]).

merge([], B) -> B;
merge(A, []) -> A;
merge([X | A], [Y | _] = B) when X =< Y -> [X | merge(A, B)];
merge(A, [Y | B]) -> [Y | merge(A, B)].

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

subsets([]) -> [[]];
subsets([H | T]) ->
    S = subsets(T),
    [[H | X] || X <- S] ++ S.

queens(N) -> hd(all_queens(N)).

all_queens(N) -> place(N, N, []).

place(0, _, Qs) -> [lists:reverse(Qs)];
place(K, N, Qs) ->
    lists:append([place(K - 1, N, [C | Qs]) || C <- lists:seq(1, N), safe(C, Qs, 1)]).

safe(_, [], _) -> true;
safe(C, [Q | Qs], D) ->
    C =/= Q andalso C =/= Q + D andalso C =/= Q - D andalso safe(C, Qs, D + 1).

sieve([]) -> [];
sieve([P | T]) -> [P | sieve([X || X <- T, X rem P =/= 0])].

tree_from(L) -> lists:foldl(fun tree_insert/2, nil, L).

tree_insert(X, nil) -> {node, nil, X, nil};
tree_insert(X, {node, L, V, R}) when X < V -> {node, tree_insert(X, L), V, R};
tree_insert(X, {node, L, V, R}) -> {node, L, V, tree_insert(X, R)}.

tree_to_list(nil) -> [];
tree_to_list({node, L, V, R}) -> tree_to_list(L) ++ [V] ++ tree_to_list(R).

tree_depth(nil) -> 0;
tree_depth({node, L, _, R}) -> 1 + max(tree_depth(L), tree_depth(R)).

my_flatten([]) -> [];
my_flatten([H | T]) when is_list(H) -> my_flatten(H) ++ my_flatten(T);
my_flatten([H | T]) -> [H | my_flatten(T)].

binom(_, 0) -> 1;
binom(N, N) -> 1;
binom(N, K) -> binom(N - 1, K - 1) + binom(N - 1, K).

m3a(0) -> a;
m3a(N) -> m3b(N - 1).
m3b(0) -> b;
m3b(N) -> m3c(N - 1).
m3c(0) -> c;
m3c(N) -> m3a(N - 1).
