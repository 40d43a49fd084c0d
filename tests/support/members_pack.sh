#!/usr/bin/env bash
# members_pack.sh — writes the sources of a fictional pack with 200 members (for the members
# screenshot and end-to-end tests): the screenshot fixture's files (tests/render/fixture) with
# a generated members.csv whose names mostly share "Example Brand …" (Latin) or
# "Пример бренд …" (Cyrillic), some long ones in both scripts, every Serbian letter starting a
# distinctive word, numbered names ("Example Brand 137 Đšav"), four kinds and a few without
# one. Deterministic: same output every time (tests/core/test_directory.c makes the same names).
#
#   tests/support/members_pack.sh FIXTURE_DIR OUT_DIR     then: facts-kiosk pack build OUT_DIR -o pack.db
set -euo pipefail
fixture=${1:?usage: members_pack.sh FIXTURE_DIR OUT_DIR}
out=${2:?usage: members_pack.sh FIXTURE_DIR OUT_DIR}
mkdir -p "$out"
cp -R "$fixture"/. "$out"/

# One distinctive word per letter of the Serbian alphabet, in both scripts.
latin=(Atelje Boja Cvet Čipka Ćilim Dugme Džemper Đerdan Elegant Fini Gajtan Haljina Igla Jakna Kroj
    Lan Ljubica Moda Nit Njiva Obuća Platno Rukav Svila Šavovi Tekstil Uzor Vez Zlatna Žica)
cyrillic=(Атеље Боја Цвет Чипка Ћилим Дугме Џемпер Ђердан Елегант Фини Гајтан Хаљина Игла Јакна Крој
    Лан Љубица Мода Нит Њива Обућа Платно Рукав Свила Шавови Текстил Узор Вез Златна Жица)
places=(Beograd "Novi Sad" Niš Kragujevac Subotica Čačak Leskovac "Novi Pazar" Arilje Šabac)
places_cyrillic=(Београд "Нови Сад" Ниш Крагујевац Суботица Чачак Лесковац "Нови Пазар" Ариље Шабац)
kinds=(SME SME SME larger SME research SME other SME larger SME SME "" SME other research SME SME larger SME)

row=0
csv() { # NAME: one member row; kind, website and description vary with the row number
    local name=$1 kind=${kinds[$((row % ${#kinds[@]}))]} website='' en='' sr=''
    row=$((row + 1))
    if [ $((row % 3)) = 0 ]; then website="https://example.org/member-$row"; fi
    if [ $((row % 4)) != 1 ]; then
        en="A fictional member of a fictional cluster, number $row, made for the kiosk's tests."
        sr="Izmišljeni član izmišljenog klastera, broj $row, napravljen za testove kioska."
    fi
    printf 'member-%03d,"%s",%s,,%s,"%s","%s",,\n' "$row" "$name" "$kind" "$website" "$en" "$sr"
}

{
    echo 'id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until'
    for i in "${!latin[@]}"; do
        w=${latin[$i]} next=${latin[$(((i + 7) % ${#latin[@]}))]}
        csv "Example Brand $w"
        csv "Example Brand $w ${places[$((i % ${#places[@]}))]}"
        csv "Example Brand $w i $next"
        csv "Example Brand $w Dizajn studio za modnu konfekciju i trikotažu"
        csv "Пример бренд ${cyrillic[$i]}"
        if [ $((i % 3)) != 2 ]; then
            csv "Пример бренд ${cyrillic[$i]} ${places_cyrillic[$((i % ${#places_cyrillic[@]}))]}"
        fi
    done
    # To the 200th member, in turn: long names without the shared words (both scripts,
    # numbered from their second round), "Example Brand 131 Đšav" … "Example Brand 158 Đšav"
    # (names that differ only by a number), and numbered Cyrillic ones ("Пример бренд 2 Цвет").
    extra=("Example Research Institute for Sustainable Textile Technologies of Southern Serbia"
        "Удружење произвођача одеће и обуће Шумадије и Поморавља"
        "Example Fashion Academy" "Example Weavers' Cooperative" "Пример задруга ткаља")
    n=0
    while [ "$row" -lt 200 ]; do
        case $((n % 3)) in
        0) e=$((n / 3))
           csv "${extra[$((e % ${#extra[@]}))]}$([ "$e" -ge ${#extra[@]} ] && echo " $((e / ${#extra[@]} + 1))")" ;;
        1) csv "Example Brand $((130 + n)) Đšav" ;;
        2) csv "Пример бренд $n ${cyrillic[$((n % ${#cyrillic[@]}))]}" ;;
        esac
        n=$((n + 1))
    done
} >"$out/members.csv"

# This cluster says how many members it has (all 200 are listed): the list shows the total.
awk 'NR == 1 { print $0 ",members_total"; next } { print $0 ",200" }' "$fixture/organisation.csv" >"$out/organisation.csv"

# Stories name members through the optional members column (ids, commas between): the fair
# names members 3 and 4, the conference member 4; their pages list these stories.
awk 'NR == 1 { print $0 ",members"; next }
     /^fair,/ { print $0 ",\"member-003, member-004\""; next }
     /^conference,/ { print $0 ",member-004"; next }
     { print $0 "," }' "$fixture/stories.csv" >"$out/stories.csv"
