%% Generates the format test data from OTP 25 itself:
%%
%%     escript gen_cases.erl OUTDIR [RandomCount [Seed]]
%%
%% Each case is two lines: a comment showing the call, then the
%% term_to_binary of {Format, Args} in hex, a tab, and OTP's result:
%% `=` followed by the escaped output (`\\`, `\n`, `\u{HEX}` for anything
%% outside printable ASCII), or `!badarg`.
-module(gen_cases).
-mode(compile).
-export([main/1]).

main([Dir]) -> main([Dir, "300"]);
main([Dir, N]) -> main([Dir, N, "2025"]);
main([Dir, N, Seed]) ->
    rand:seed(exsss, {list_to_integer(Seed), 5, 17}),
    write(filename:join(Dir, "controls.txt"), controls()),
    write(filename:join(Dir, "floats.txt"), floats()),
    write(filename:join(Dir, "terms.txt"), terms(list_to_integer(N))).

write(File, Cases) ->
    Lines = [case_lines(F, A) || {F, A} <- Cases],
    ok = file:write_file(File, unicode:characters_to_binary(Lines)).

case_lines(F, A) ->
    Result = try lists:flatten(io_lib:format(F, A)) of
                 S -> [$= | esc(S)]
             catch error:badarg -> "!badarg"
             end,
    Shown = lists:flatten(io_lib:format("~w", [A])),
    Comment = esc(lists:sublist(lists:flatten(io_lib:write_string(F)) ++ " " ++ Shown, 150)),
    Hex = [io_lib:format("~2.16.0b", [B]) || <<B>> <= term_to_binary({F, A})],
    ["# ", Comment, "\n", Hex, "\t", Result, "\n"].

esc(S) ->
    lists:flatmap(fun($\\) -> "\\\\";
                     ($\n) -> "\\n";
                     (C) when C >= 32, C < 127 -> [C];
                     (C) -> "\\u{" ++ integer_to_list(C, 16) ++ "}"
                  end, S).

a(N) -> list_to_atom(lists:duplicate(N, $a)).

%% Serial 0 only: 32-bit Gluon keeps a pid's number in an immediate.
pid(Id, Serial) ->
    binary_to_term(<<131, 88, 100, 0, 13, "nonode@nohost", Id:32, Serial:32, 0:32>>).
ref(W0, W1, W2) ->
    binary_to_term(<<131, 90, 0, 3, 100, 0, 13, "nonode@nohost", 0:32, W0:32, W1:32, W2:32>>).
port(N) ->
    binary_to_term(<<131, 89, 100, 0, 13, "nonode@nohost", N:32, 0:32>>).

%% Hand-picked cases for every control, field, precision, pad and error.
controls() ->
    Big = 12345678901234567890123,
    Atoms = [hello, hello_World@1, 'Hello', 'hello world', '[]', '{}', '', 'a.b', '_a',
             '1a', 'a-b', 'a\'b', 'a\nb', 'a\\b', 'a"b', 'a\tb',
             list_to_atom([0,1,8,27,31,127,128,159,160,200,223,247,255]),
             list_to_atom([223,97]), list_to_atom([247]), list_to_atom([97,192,215]),
             list_to_atom([97,170,181,186]), list_to_atom([353]), list_to_atom([97,353]),
             list_to_atom([955,97]), 'after', 'and', 'andalso', 'band', 'begin', 'bnot',
             'bor', 'bsl', 'bsr', 'bxor', 'case', 'catch', 'cond', 'div', 'end', 'fun', 'if',
             'let', 'not', 'of', 'or', 'orelse', 'receive', 'rem', 'try', 'when', 'xor',
             maybe, else, true, 'a@b', '@a', 'a\e', 'a\x{7f}', 'a\x{a0}', 'a\v\f\b\r\s\d'],
    Strs = ["abc", "a\"b", "a'b", "a\\b", "a\nb\tc\rd\ve\bf\fg\eh", [97,127], [97,0],
            [97,31], [97,128], [97,159], [97,160], [97,255], [97,256], [97,8232], "",
            [$a|b], [$a,$b|c], [97,98,1.0], [[97]], "a b", [7], [97,7], ["ab", "cd"]],
    Bins = [<<>>, <<"abc">>, <<"a\nb">>, <<"a\"b">>, <<"a'b">>, <<97,0>>, <<97,128>>,
            <<97,200>>, <<"h\303\251">>, <<"\342\200\250">>, <<194,160>>, <<224,160>>,
            <<97,98,99:4>>, <<1:3>>, <<1,2,3>>, <<"abc",0>>, <<"\e">>, <<"\d">>],
    Map = #{a => 1, b => [1,2], "s" => <<"x">>, {t} => #{}},
    Nested = {a, [1,2,3,4,5], {b, c, {d, e}}, "hello", <<"bin">>, <<1,2,3,4,5,6>>,
              #{k => v, k2 => {x, y}}, [a|b]},
    Depths = [X || X <- [[1,2,3], "abcdef", <<"abcdefghij">>, <<1,2,3,4,5>>,
                         <<1,2,3,4,5:3>>, {1,2,3}, #{a=>1,b=>2,c=>3}, [1,2|3], 1.5, abc,
                         [[1,2],[3,4]], ["abc","def","ghi"], [<<"abc">>],
                         #{a => {1,2,3}, b => {1,2,3}}, [1|b], {a,b}, {}, [], #{},
                         <<"abcdefghijklmnopqrstuvwxyz",0>>, <<"ab",0,"cdefghijklmnopqrstu">>,
                         <<"abcd",131,"bcdefghijk">>, <<"a",0,"bcdefghijk">>, Nested]],
    [{"~w", [A]} || A <- Atoms] ++
    [{"~tw", [A]} || A <- Atoms] ++
    [{"~p", [A]} || A <- [list_to_atom([353]), 'a\x{80}', 'hello world']] ++
    [{"~tp", [A]} || A <- [list_to_atom([353]), list_to_atom([955,97])]] ++
    [{C, [S]} || C <- ["~p", "~tp", "~w", "~lp"], S <- Strs] ++
    [{C, [B]} || C <- ["~p", "~tp", "~w", "~lp"], B <- Bins] ++
    [{C, [T]} || C <- ["~w", "~p"],
                 T <- [Map, #{}, {}, {a}, {a,{b,c}}, [], [[]], [a|b], [1,[2,3]|4], Big, -Big,
                       -5, 16#7fffffffffffffff, -16#8000000000000000, 1 bsl 64, -(1 bsl 200),
                       <<1,2>>, {<<>>, []}, [{a,1},{b,2}], [Map], #{a => #{b => c}},
                       pid(5, 0), pid(0, 0), ref(1, 2, 3), ref(262143, 4294967295, 16383),
                       port(9), [pid(1, 0), ref(0, 0, 0)], 1.5, -0.0]] ++
    [{"~W", [T, D]} || T <- Depths, D <- [-1, 0, 1, 2, 3, 4, 5, 10]] ++
    [{"~P", [T, D]} || T <- Depths, D <- [-1, 0, 1, 2, 3, 4, 5, 10]] ++
    [{"~tP", [B, D]} || B <- [<<"\303\251abcdefghijk">>, <<"\303\251">>], D <- [1, 2, 3, 4]] ++
    [{"~W", [a, b]}, {"~W", [a]}, {"~P", [a, 1.0]}, {"~5W|", [[1,2,3], 2]}, {"~W", [a, -5]}] ++
    %% Field width, precision, adjustment and padding.
    [{"~3w", [12345]}, {"~-8w|", [abc]}, {"~8w|", [abc]}, {"~8.3w|", [abc]},
     {"~8.3.xw|", [abc]}, {"~10.3w|", [abcdef]}, {"~.3w|", [abcdef]}, {"~.3w|", [ab]},
     {"~3.5w|", [ab]}, {"~5.w|", [ab]}, {"~.w|", [ab]}, {"~*w|", [6, a]}, {"~*w|", [-6, a]},
     {"~-*w|", [6, a]}, {"~-*w|", [-6, a]}, {"~*.*.*w|", [6, 2, $0, a]}, {"~05w|", [a]},
     {"~5.3.0w|", [a]}, {"~5..0w|", [a]}, {"~5..*w|", [$x, a]}, {"~..xw|", [a]},
     {"~...w|", [a]}, {"~5.3...w|", [a]}, {"~5.3.xtw|", [a]}, {"~5.3.t~|", []},
     {"~.*w|", [0, abc]}, {"~*w|", [0, abc]}, {"~0w|", [abc]}, {"~.*w|", [1, abc]},
     {"~5w|", [-12]}, {"~2w|", [-12]}, {"~*w|", [a, b]}, {"~-w", [a]}, {"~--5w|", [a]}] ++
    %% ~c ~~ ~n ~i
    [{"~5c", [$a]}, {"~5.2c", [$a]}, {"~c", [256+$a]}, {"~tc", [256+$a]}, {"~c", [a]},
     {"~c|", [-1]}, {"~c", [1 bsl 70 + 65]}, {"~c", [-(1 bsl 70) - 1]}, {"~c|", [1.0]},
     {"~tc", [16#1F600]}, {"~3.5c|", [$a]}, {"~-5c|", [$a]}, {"~-5.2c|", [$a]},
     {"~-5.2.xc|", [$a]}, {"~0c|", [$a]}, {"~.0c|", [$a]}, {"~.3.xc|", [$a]},
     {"~4.4c|", [$a]}, {"~-3.3.xc|", [$a]}, {"~.*c", [3, $x]}, {"~*.*c", [5, 3, $x]},
     {"~*c", [a, $x]}, {"~5~", []}, {"~-5~|", []}, {"~5.2~|", []}, {"~t~|", []},
     {"~3n", []}, {"~-3n|", []}, {"~.3n|", []}, {"~3.2n|", []}, {"~ln|", []}, {"~tn|", []},
     {"~i~w", [a, b]}, {"~2i|", [a]}, {"~i", []}] ++
    %% ~s
    [{"~s", [abc]}, {"~s", [[$a, [$b, <<"cd">>], $e]]}, {"~s", [<<"h\303\251llo">>]},
     {"~ts", [<<"h\303\251llo">>]}, {"~s", [[300]]}, {"~ts", [[300]]}, {"~.2s", ["abcdef"]},
     {"~4s|", ["abcdef"]}, {"~8.2s|", ["abcdef"]}, {"~-8.2s|", ["abcdef"]},
     {"~.5s|", ["ab"]}, {"~8.5s|", ["ab"]}, {"~-8.5s|", ["ab"]}, {"~8.5.xs|", ["ab"]},
     {"~-8.5.xs|", ["ab"]}, {"~3.5s|", ["ab"]}, {"~5.5s|", ["abcdefg"]},
     {"~.*s|", [2, "abc"]}, {"~.0s|", ["abc"]}, {"~0s|", ["abc"]}, {"~*s|", [-5, "ab"]},
     {"~*.*s|", [-6, 3, "ab"]}, {"~10.3s|", [abcdef]}, {"~.3ts|", ["ab"]},
     {"~5ts|", ["ab"]}, {"~s|", [[-1]]}, {"~s|", [<<1:3>>]}, {"~ts|", [<<255>>]},
     {"~ts|", [<<"a", 255, "b">>]}, {"~ts|", [["a", <<255>>]]}, {"~ts|", [['a']]},
     {"~s|", [[a]]}, {"~s|", [123]}, {"~s|", [[1|2]]}, {"~s|", [[$a|<<"c">>]]},
     {"~s|", [[[97]|<<99>>]]}, {"~s|", [[<<"a">>|<<"b">>]]}, {"~s|", [[[]|<<99>>]]},
     {"~ts|", [[[97,98]|<<99>>]]}, {"~ts|", [<<"\303\251", 255>>]},
     {"~ts|", [[<<"\303\251">>, <<255>>]]}, {"~ts|", [[<<"\303">>, <<"\251">>]]},
     {"~s|", [list_to_atom([353])]}, {"~ts|", [list_to_atom([353])]}, {"~s|", [1.0]},
     {"~s|", [['H\x{e9}']]}, {"~ls|", ["ab"]}, {"~s", [[97,256|<<>>]]}] ++
    %% Integers in bases.
    [{"~b", [255]}, {"~.16b", [255]}, {"~.16B", [255]}, {"~.16x", [255, "0x"]},
     {"~.16X", [255, "0x"]}, {"~.16#", [255]}, {"~.16+", [255]}, {"~.16#", [-255]},
     {"~.37b", [5]}, {"~.1b", [5]}, {"~b", [1.0]}, {"~.16b", [a]}, {"~5b|", [-12]},
     {"~2b|", [-12]}, {"~5.16x|", [255, "0x"]}, {"~.16x", [-255, "0x"]},
     {"~.16x", [255, '0x']}, {"~.16x", [255, [$0, "x"]]}, {"~.16x", [255, <<"0x">>]},
     {"~.16x", [255, 5]}, {"~.16x", [255, [$0|x]]}, {"~.16x", [255, [300]]},
     {"~.16X", [255, ['0x']]}, {"~.16x", [255, ""]}, {"~.16x", [255, [-1]]},
     {"~.36b", [Big]}, {"~.36B", [-Big]}, {"~.2b", [-1]}, {"~.8#", [0]}, {"~b", [1 bsl 200]},
     {"~.2B", [(1 bsl 130) - 1]}, {"~.7b", [-(1 bsl 90)]}, {"~10.16.0B|", [255]},
     {"~-10.16.0B|", [255]}, {"~*.*b|", [6, 16, 255]}, {"~16#|", [5]}, {"~3.16#|", [255]},
     {"~.10x|", [255, "abc"]}, {"~x", [1]}] ++
    %% Floats with fields.
    [{"~10f|", [1.5]}, {"~-10f|", [1.5]}, {"~10.2f|", [1.5]}, {"~3.2f|", [123.5]},
     {"~10.2.0f|", [-1.5]}, {"~10e|", [1.5]}, {"~5e|", [1.5]}, {"~12g|", [1.5]},
     {"~f", [1]}, {"~f", [a]}, {"~.*f", [a, 1.0]}, {"~.*f", [-1, 1.0]}, {"~*f", [a, 1.0]},
     {"~.1e", [1.0]}, {"~.0f", [1.0]}, {"~.0g", [1.0]}, {"~.1g", [1.0]}, {"~3f", [1.0]},
     {"~.3f", [1.0]}, {"~.3.0f|", [1.0]}, {"~12.3e|", [-1.0]}, {"~-12.3e|", [-1.0]},
     {"~e", [1]}, {"~g", [1]}] ++
    %% Errors and plain text.
    [{"abc", []}, {"~", []}, {"~5", []}, {"~.", []}, {"~5.", [a]}, {"~5.3.", []},
     {"~p", []}, {"~w", [a, b]}, {"~z", [a]}, {"~kp", [a]}, {"~~", [a]}, {"~a", [a]},
     {"~ltp", [[97]]}, {"~tlp", [[97]]}, {"~lw|", [[97,98]]}, {"~lc|", [$a]},
     {"~lf|", [1.0]}, {"~tt~|", []}, {"~ll~|", []}, {[$a, 16#1F600, $~, $w], [x]},
     {[233, $~, $s], [[233]]}] ++
    %% ~p fields, columns and line lengths.
    [{"~10p|", [[1,2,3]]}, {"~-10p|", [abc]}, {"~3p|", [abcdef]}, {"~10.3p|", [abcdef]},
     {"~.3p|", [abcdef]}, {"~10.5.xp|", [ab]}, {"~5p", [[1,2,3]]}, {"~0p", [[1,2,3]]},
     {"~1p", [[1,2,3]]}, {"~.0p", [[1,2,3]]}, {"~.100p", [[1,2,3]]}, {"~5P", [[1,2,3], 10]},
     {"\t~p", [{lists:duplicate(70, $a), b}]}, {"a\t~p", [{lists:duplicate(67, $a), b}]},
     {"~s~p", ["abcdef", {lists:duplicate(67, $a), b}]},
     {"~s~p", ["abcdef", {lists:duplicate(66, $a), b}]},
     {"~p~p", [{lists:duplicate(76, $a), b}, {lists:duplicate(74, $a), b}]},
     {"~w~p", [lists:seq(1, 25), lists:seq(1, 25)]},
     {"~ts~p", [[<<"ab\303\251">>], {lists:duplicate(70, $a), b}]}] ++
    [{"~p", [[a(N), b]]} || N <- [73, 74, 75, 76]] ++
    [{"abc~p", [[a(N), b]]} || N <- [70, 71, 72, 73]] ++
    [{"~30p", [[a(N), b]]} || N <- [23, 24, 25, 26]] ++
    [{"ab~n~p", [[a(N), b]]} || N <- [74, 75]] ++
    [{"~.10p", [[a(N), b]]} || N <- [64, 65, 66, 67]] ++
    [{"~p", [T]} || T <- pretty_samples()] ++
    [{"~P", [T, D]} || {T, D} <- depth_layout_samples()] ++
    [{"~tP", [B, D]} || B <- [<<"\303\251",1,"abcdefghijk">>, <<"\303\251ab",1,"cdefghijk">>,
                              <<"\303\251abcdef",1,"ghijk">>, <<"abcdef",1,"ghijk">>,
                              <<"\304\260abcdefghijk">>, <<"abcdefgh\304\260abcdefghijk">>,
                              <<"abcdefgh",255,"abcdefghijk">>,
                              <<"\303\251abcdefgh",255,"abcdefghijk">>],
                        D <- [2, 3, 4, 5]] ++
    [{"~tp", [B]} || B <- [<<196,176>>, <<"a\304\260">>, <<"\303\251\304\260">>]] ++
    [{"~p", [deep(N, Shape)]} || {N, Shape} <- [{40, tagged}, {200, single}, {30, pair},
                                               {25, map}, {60, improper}]] ++
    [{"~P", [deep(300, tagged), 20]}, {"~w", [deep(1000, single)]}].

deep(N, Shape) ->
    lists:foldl(fun(I, A) ->
                        case Shape of
                            tagged -> {x, A, y};
                            single -> [A];
                            pair -> [A, abcdefghij];
                            map -> #{I => A, b => c};
                            improper -> [a, b | A]
                        end
                end, z, lists:seq(1, N)).

depth_layout_samples() ->
    A = fun a/1,
    [{{x, A(30), A(30), [1,2]}, 4}, {{x, A(30), A(40), b, c}, 4}, {[x, A(30), A(40), b, c], 4},
     {#{x => A(30), y => A(34), z => b}, 3}, {#{x => A(30), y => A(35), z => b}, 3}] ++
    [{{x, {A(40), A(40)}, a, L}, D} || L <- [<<1,2>>, <<"ab">>, [1,2], {1,2}, #{a=>1}, "abc",
                                            <<1:3>>, <<>>],
                                       D <- [4, 5]].

pretty_samples() ->
    A = fun a/1,
    [lists:seq(1, 40), lists:duplicate(30, "abc"), lists:duplicate(100, $a),
     list_to_binary(lists:duplicate(100, $a)), [{a, lists:duplicate(100, $a)}],
     {aaaaaaaaaaaa, bbbbbbbbbbbbbbbbbb, ccccccccccccccccccccc, ddddddddddddddddddd,
      eeeeeeeeeeeeee, ffffffffff},
     #{A(30) => A(30), b => A(40), c => {A(30), A(30)}, d => [1,2,3], A(50) => {x, A(40)}},
     #{k => #{A(30) => A(30), b => A(40)}, A(10) => [A(30), A(30), A(30)]},
     [#{A(70) => 1}], #{{A(40), A(40)} => [A(40), A(40)]}, #{a => 1, b => 2, c => A(75)},
     #{a => 1, b => [1,2], c => A(75)}, #{a => [1], b => 2, c => A(75)},
     {A(45), {b, A(40)}}, {A(45), A(40)}, {{A(30), {A(30), A(30)}}, {c, d}},
     {tag, A(40), [{A(35), {nested_tag, A(30)}}]}, list_to_binary(lists:seq(1, 100)),
     {a, list_to_binary(lists:seq(1, 60))}, [list_to_binary(lists:seq(1, 60)), x],
     [1, 2 | A(80)], [1, 2 | {A(40), A(40)}], {A(40), A(40), [x | y]},
     [A(30), {x}, A(30), A(30)], [A(30), A(30), A(30) | A(5)], [A(30), A(30), A(12) | A(5)],
     [A(30), A(30), A(10) | A(5)], [A(30), A(30), {x, y} | A(5)]].

%% At least 200 floats: special values, powers, random bit patterns and
%% decimal-looking values, each with the float controls.
floats() ->
    Special = [0.0, -0.0, 1.0, -1.0, 0.5, 0.05, 0.1, 0.099999, 0.09999999, 1.5, 2.5, 0.125,
               1.0e-10, 123.456, 9999.5, 9999.9999999, 10000.0, 99999.0, 1.0e10, 1.0e100,
               5.0e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.30000000000000004,
               3.14159265358979, 1234567.891, 0.000123456, 1.0e-5, 9.9999999e-2, 2.675, 0.375,
               0.35, 1.0e-320, 9.9999e-310, 1/3, 2/3, 100.0, 120.0, 1200.0, 1.0e15, 1.0e16,
               1.0e21, 1.0e22, 1.0e23, 9007199254740991.0, 9007199254740992.0,
               9007199254740994.0, 4503599627370497.0, 0.0001, 0.001234, 1.2345e-4,
               1.2345e20, 0.0005, math:pow(2, -31), math:pow(2, 70), 1.0e-7, 1.5e-6,
               4.0e-7, 9.96, 9.94, 99.9, 9999.0, 0.95, 0.995, 9.5, 99.5, 0.0995],
    Powers = [math:pow(10, E) * M || E <- lists:seq(-30, 30, 3), M <- [1.0, 1.2345]],
    Random = [random_float() || _ <- lists:seq(1, 140)],
    Decimal = [list_to_float(integer_to_list(rand:uniform(99999)) ++ "." ++
                             integer_to_list(rand:uniform(99999)) ++ "e" ++
                             integer_to_list(rand:uniform(40) - 20)) || _ <- lists:seq(1, 60)],
    Fs = Special ++ Powers ++ Random ++ Decimal,
    [{C, [F]} || F <- Fs, C <- ["~w", "~f", "~e", "~g"]] ++
    [{C, [F]} || F <- Special ++ Decimal,
                 C <- ["~.1f", "~.2f", "~.3e", "~.2e", "~.1g", "~.2g", "~.3g", "~.17g",
                       "~.20f", "~.25e"]] ++
    [{"~.30f", [1.0e-10]}, {"~.100f", [1.0]}, {"~.1000f", [1.0e-300]}, {"~.2f", [1.0e300]},
     {"~.40e", [1/3]}, {"~.17e", [1.0e-320]}].

%% A float with a random bit pattern: half of any magnitude, half near 1.
random_float() ->
    Exp = case rand:uniform(2) of
              1 -> rand:uniform(2046) - 1;
              2 -> 1023 + rand:uniform(120) - 60
          end,
    <<F/float>> = <<(rand:uniform(2) - 1):1, Exp:11, (rand:uniform(1 bsl 52) - 1):52>>,
    F.

%% Random terms printed with ~p, ~w and their variants.
terms(N) ->
    lists:append([term_cases(random_term(rand:uniform(4))) || _ <- lists:seq(1, N)]).

term_cases(T) ->
    Extra = case rand:uniform(14) of
                1 -> {"~w", [T]};
                2 -> {"~tp", [T]};
                3 -> {"~lp", [T]};
                4 -> {"~P", [T, rand:uniform(8) + 1]};
                5 -> {"~W", [T, rand:uniform(8) + 1]};
                6 -> {"~" ++ integer_to_list(20 + rand:uniform(60)) ++ "p", [T]};
                7 -> {"~." ++ integer_to_list(rand:uniform(50)) ++ "p", [T]};
                8 -> {lists:duplicate(rand:uniform(40), $x) ++ "~p", [T]};
                9 -> {"~p~n~p", [T, T]};
                10 -> {"~P", [T, rand:uniform(4) + 1]};
                11 -> {"~" ++ integer_to_list(10 + rand:uniform(30)) ++ "p", [T]};
                12 -> {"~tp", [T]};
                _ -> {"~p", [T]}
            end,
    [{"~p", [T]}, Extra].

random_term(0) -> leaf();
random_term(S) ->
    case rand:uniform(12) of
        N when N =< 3 -> leaf();
        N when N =< 6 -> [random_term(S - 1) || _ <- lists:seq(1, rand:uniform(7) - 1)];
        7 -> improper(S);
        N when N =< 9 -> list_to_tuple([random_term(S - 1) || _ <- lists:seq(1, rand:uniform(6) - 1)]);
        10 -> list_to_tuple([random_atom() | [random_term(S - 1) || _ <- lists:seq(1, rand:uniform(4))]]);
        _ -> maps:from_list([{map_key(S), random_term(S - 1)} || _ <- lists:seq(1, rand:uniform(6) - 1)])
    end.

improper(S) ->
    Elems = [random_term(S - 1) || _ <- lists:seq(1, rand:uniform(4))],
    lists:foldr(fun(E, Acc) -> [E | Acc] end, leaf(), Elems).

map_key(S) ->
    case rand:uniform(4) of
        1 -> random_term(S - 1);
        _ -> random_atom()
    end.

random_atom() ->
    case rand:uniform(10) of
        1 -> list_to_atom("Quoted " ++ random_chars(rand:uniform(8), $a, 26));
        2 -> list_to_atom(random_chars(20 + rand:uniform(25), $a, 26));
        _ -> list_to_atom(random_chars(rand:uniform(12), $a, 26))
    end.

random_chars(N, Base, Range) -> [Base + rand:uniform(Range) - 1 || _ <- lists:seq(1, N)].

leaf() ->
    case rand:uniform(22) of
        17 -> list_to_atom([$a | random_chars(rand:uniform(5), 16#e0, 400)]);
        18 -> unicode:characters_to_binary(random_chars(rand:uniform(12), 16#a0, 200));
        19 -> list_to_binary(random_chars(rand:uniform(60), 0, 256));
        20 -> random_chars(rand:uniform(60), $a, 26);
        21 -> list_to_binary(random_chars(rand:uniform(6), 32, 95));
        1 -> random_atom();
        2 -> random_atom();
        3 -> rand:uniform(2000) - 1000;
        4 -> rand:uniform(1 bsl 80) - (1 bsl 79);
        5 -> random_float();
        6 -> random_chars(rand:uniform(30) - 1, $a, 26);
        7 -> random_chars(rand:uniform(8), 1, 255);
        8 -> [];
        9 -> list_to_binary(random_chars(rand:uniform(30) - 1, $a, 26));
        10 -> list_to_binary(random_chars(rand:uniform(20), 0, 256));
        11 -> <<(rand:uniform(255)), 5:(rand:uniform(7))>>;
        12 -> pid(rand:uniform(500), 0);
        13 -> ref(rand:uniform(1000), rand:uniform(1 bsl 31), rand:uniform(100));
        14 -> {};
        15 -> #{};
        _ -> list_to_atom(random_chars(rand:uniform(6), $a, 26))
    end.
