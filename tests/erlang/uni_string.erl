-module(uni_string).
-export([start/0]).

%% The Unicode string API of OTP 20+: case mapping, lengths, slices,
%% splitting, lexemes, replacing, finding, trimming, padding, taking,
%% numbers, grapheme clusters, on lists and binaries.

start() ->
    basics(),
    unicode_text(),
    graphemes(),
    ok.

basics() ->
    io:format("~p~n", [[string:pad("abc", 6), string:pad("abc", 6, leading), string:pad("abc", 6, both), string:pad("abc", 7, both, $.), string:pad(<<"abc">>, 6, both), string:pad("abcdef", 3)]]),
    io:format("~p~n", [[string:replace("a-b-c", "-", "+"), string:replace(<<"a-b-c">>, "-", "+", all), string:replace("a-b-c", "-", "+", trailing), string:replace("abc", "x", "+")]]),
    io:format("~p~n", [[string:split("a-b-c", "-"), string:split(<<"a-b-c">>, "-", all), string:split("a-b-c", "-", trailing), string:split("abc", "x"), string:split("abc", "")]]),
    io:format("~p~n", [[string:reverse("ab\r\nc"), string:reverse(<<"abc">>), string:to_graphemes("a\r\nb"), string:next_grapheme("\r\nx"), string:next_grapheme(<<"\r\nx">>), string:next_codepoint(<<"éx"/utf8>>), string:next_grapheme([])]]),
    io:format("~p~n", [[string:take("  ab", " "), string:take("abc  ", " ", true), string:take("abc  ", " ", false, trailing), string:take(<<"abc  ">>, " ", false, trailing)]]),
    io:format("~p~n", [[string:trim("  ab  "), string:trim(<<"\t ab\r\n">>), string:trim("xxabxx", leading, "x"), string:trim("ab\r\n", trailing, "\n"), string:chomp("ab\r\n"), string:chomp(<<"ab\n">>), string:chomp("ab")]]),
    io:format("~p~n", [[string:to_integer("123abc"), string:to_integer("-12"), string:to_integer(<<"+7 x">>), string:to_integer("abc"), string:to_integer(""), string:to_integer("- 1")]]),
    io:format("~p~n", [[string:to_float("1.5e3x"), string:to_float("1.5"), string:to_float("1e3"), string:to_float("-0.25 "), string:to_float("1."), string:to_float(<<"2.5">>), string:to_float("1,5")]]),
    io:format("~p~n", [[string:find("abcbc", "bc"), string:find("abcbc", "bc", trailing), string:find(<<"abcbc">>, "x"), string:find("abc", "")]]),
    io:format("~p~n", [[string:lexemes("a,b,,c", ","), string:lexemes(<<" a  b ">>, " "), string:lexemes("a\r\nb", [[$\r,$\n]]), string:nth_lexeme("a,b,,c", 3, ",")]]),
    io:format("~p~n", [[string:slice("hello", 1, 3), string:slice(<<"hello">>, 2), string:slice("hello", 10), string:slice("hello", 1, infinity), string:prefix("hello", "he"), string:prefix(<<"hello">>, "x"), string:prefix("hello", "")]]),
    io:format("~p~n", [[string:equal("abc", <<"abc">>), string:equal("abc", "ABC", true), string:equal("abc", "abd"), string:length("a\r\nb"), string:length(<<"äbc"/utf8>>), string:is_empty(""), string:is_empty([[], <<>>])]]),
    io:format("~p~n", [[string:uppercase("abc"), string:uppercase(<<"straße"/utf8>>), string:lowercase("ÀB"), string:titlecase("ǆabc"), string:titlecase(<<"ßa"/utf8>>), string:casefold("Straße")]]),
    ok.

unicode_text() ->
    U = "Ünïcödé ☃ straße ǆungla ΣΑΣ",
    B = <<"Ünïcödé ☃ straße ǆungla ΣΑΣ"/utf8>>,
    io:format("~tp~n", [[string:uppercase(U), string:lowercase(U), string:titlecase(U), string:casefold(U)]]),
    io:format("~tp~n", [[string:uppercase(B), string:lowercase(B), string:titlecase(B), string:casefold(B)]]),
    io:format("~tp~n", [[string:uppercase(""), string:titlecase(<<>>), string:lowercase("ΑΒΓ ÀÉÎ"), string:uppercase("ÿ")]]),
    io:format("~tp~n", [[string:length(U), string:length(B), string:length(""), string:length(["ab", <<"☃"/utf8>>, [$c]])]]),
    io:format("~tp~n", [[string:reverse(U), string:reverse(B)]]),
    io:format("~tp~n", [[string:slice(U, 8, 1), string:slice(B, 8, 3), string:slice(B, 100)]]),
    io:format("~tp~n", [[string:split(U, " "), string:split(B, " ", all), string:split(B, "☃", trailing)]]),
    io:format("~tp~n", [[string:lexemes(U, " ☃"), string:lexemes(B, [$\s, 9731])]]),
    io:format("~tp~n", [[string:replace(U, "ß", "ss"), string:replace(B, " ", "_", all)]]),
    io:format("~tp~n", [[string:find(U, "☃"), string:find(B, "ß"), string:find(B, "Σ", trailing)]]),
    io:format("~tp~n", [[string:trim("\t\n ☃ \r\n"), string:trim(<<"  ☃  "/utf8>>, leading), string:trim("☃☃a☃", both, [9731])]]),
    io:format("~tp~n", [[string:pad("☃", 4), string:pad(<<"☃"/utf8>>, 4, leading, $*), string:pad("ab", 5, both, 9731)]]),
    io:format("~tp~n", [[string:equal("Straße", "STRASSE", true), string:equal(<<"ÀB"/utf8>>, "àb", true), string:equal("a", "b", true), string:equal(U, B)]]),
    io:format("~tp~n", [[string:prefix(U, "Ünï"), string:prefix(B, "Ünï"), string:prefix(B, "x")]]),
    io:format("~tp~n", [[string:take(U, "Üï", false), string:take(B, " ", true), string:take("aaa☃", "☃", false, trailing)]]),
    io:format("~tp~n", [[string:next_codepoint(U), string:next_grapheme(B), string:to_graphemes("a☃\r\n")]]),
    io:format("~tp~n", [[string:nth_lexeme(U, 2, " "), string:nth_lexeme(B, 4, " ")]]),
    io:format("~tp~n", [[string:is_empty(""), string:is_empty(<<>>), string:is_empty([[], [<<>>]]), string:is_empty(" "), string:is_empty([[], <<"a">>])]]),
    io:format("~tp~n", [[string:to_integer("42 apples"), string:to_integer(<<"-0x">>), string:to_float("3.25e-2!"), string:to_float(<<"10,5">>), string:to_float("1.0E+2")]]),
    io:format("~tp~n", [[string:chomp("ab\n\n"), string:chomp("ab\r"), string:chomp(<<"x\r\n">>)]]),
    io:format("~tp~n", [[string:find("aaa", "aa", trailing), string:split("aaa", "aa", trailing), string:split("a,b", ",", all), string:split(",a,", ",", all)]]),
    io:format("~tp~n", [[string:replace("abc", "", "x"), string:split("", ","), string:lexemes("", ","), string:trim("")]]),
    ok.

%% Clusters: combining marks, emoji with modifiers and ZWJ sequences,
%% flags, Indic vowel signs, Hangul jamo; CR LF.
graphemes() ->
    L = ["e\x{301}a", "\x{1F44D}\x{1F3FD}!", "\x{1F468}\x{200D}\x{1F469}\x{200D}\x{1F467}x",
         "\x{1F1EB}\x{1F1F7}\x{1F1E9}", "\n\x{301}", "a\x{200D}b", "\x{915}\x{93F}",
         "\r\n\x{301}", "\x{1100}\x{1161}\x{11A8}", "\x{AC00}\x{11A8}"],
    [io:format("~w ~w~n", [string:to_graphemes(S), string:length(S)]) || S <- L],
    io:format("~w~n", [string:to_graphemes(<<"e\x{301}"/utf8>>)]),
    D = "cafe\x{301} na\x{308}ive",
    io:format("~w~n", [[string:length(D), string:reverse(D), string:slice(D, 3, 2),
                        string:next_grapheme(D), string:split(D, " "), string:pad(D, 12, leading, $.)]]),
    io:format("~w~n", [[string:equal("e\x{301}", "e"), string:find(D, "e"), string:lexemes(D, [[$e, 769]])]]),
    ok.
