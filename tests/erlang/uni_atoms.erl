-module(uni_atoms).
-export([start/0, id/1]).

%% Atoms with non-ASCII names: printing and quoting with and without the
%% t modifier, conversions to and from lists and binaries in both
%% encodings, existing-atom lookups, limits and ordering.
id(X) -> X.
t(F) -> try F() catch C:R -> {C,R} end.
start() ->
    As = ['ätöm', '☃', 'Ärger', 'ärger', 'λx', 'Λ', 'a b', 'ok', 'é', '日本語', 'a☃', '_x', 'ÿ', 'ß', 'x@y', 'aÀ', 'Ωmega'],
    [io:format("~p ~tp ~w ~tw ~ts ~s|~n", [A, A, A, A, A, A]) || A <- As, lists:all(fun(C) -> C < 256 end, atom_to_list(A))],
    [io:format("~p ~tp ~w ~tw ~ts|~n", [A, A, A, A, A]) || A <- As],
    [io:format("~w ~w ~w~n", [atom_to_list(A), atom_to_binary(A), atom_to_binary(A, utf8)]) || A <- As],
    io:format("~w~n", [[t(fun() -> atom_to_binary(A, latin1) end) || A <- As]]),
    io:format("~w~n", [[list_to_atom(atom_to_list(A)) =:= A || A <- As]]),
    io:format("~w~n", [[binary_to_atom(atom_to_binary(A)) =:= A || A <- As]]),
    io:format("~w~n", [[binary_to_atom(atom_to_binary(A), utf8) =:= A || A <- As]]),
    io:format("~w~n", [[binary_to_existing_atom(atom_to_binary(A)) =:= A || A <- As]]),
    io:format("~w~n", [[binary_to_existing_atom(atom_to_binary(A), utf8) =:= A || A <- As]]),
    io:format("~w~n", [[list_to_existing_atom(atom_to_list(A)) =:= A || A <- As]]),
    io:format("~tp~n", [binary_to_atom(<<"caf", 233>>, latin1)]),
    io:format("~tp~n", [binary_to_existing_atom(<<"caf", 233>>, latin1)]),
    io:format("~p~n", [[t(F) || F <- [
        fun() -> binary_to_existing_atom(id(<<"no_such_atom_here_xyz">>)) end,
        fun() -> binary_to_existing_atom(id(<<"no_such_atom_here_xyz">>), utf8) end,
        fun() -> binary_to_existing_atom(id(<<255>>), utf8) end,
        fun() -> binary_to_existing_atom(id(<<"ok">>), foo) end,
        fun() -> binary_to_existing_atom(id("ok"), utf8) end,
        fun() -> binary_to_existing_atom(id(<<"ok">>), latin1) end,
        fun() -> list_to_existing_atom(id("no_such_atom_here_xyz2")) end,
        fun() -> list_to_existing_atom(id([9731, 9731, 9731, 1])) end,
        fun() -> binary_to_atom(id(<<255>>), utf8) end,
        fun() -> binary_to_atom(id(<<255>>)) end,
        fun() -> atom_to_binary(id('☃'), latin1) end,
        fun() -> list_to_atom(id([9731 | a])) end,
        fun() -> list_to_atom(lists:duplicate(255, 9731)) end,
        fun() -> list_to_atom(lists:duplicate(256, 9731)) end,
        fun() -> binary_to_atom(binary:copy(<<"☃"/utf8>>, 256)) end,
        fun() -> length(atom_to_list(binary_to_atom(binary:copy(<<"☃"/utf8>>, 255)))) end
    ]]]),
    io:format("~tp~n", [lists:sort(As)]),
    io:format("~w~n", [['ä' < 'b', 'ä' > 'z', '☃' > 'ÿ']]),
    io:format("~ts~n", [io_lib:write_atom('☃')]),
    io:format("~ts~n", [io_lib:write_atom('ätöm')]),
    io:format("~w~n", [io_lib:write_atom('☃')]),
    ok.
