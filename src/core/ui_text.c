/* ui_text.c — the kiosk's own words; see ui_text.h. Serbian is awaiting review by the
 * cluster, like the Serbian content (data/README.md). */
#include "core/ui_text.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const TEXTS[UI_TEXT_COUNT][LANG_COUNT] = {
    [UI_SECTION_ABOUT] = {"About", "O klasteru", "О кластеру"},
    [UI_SECTION_MEMBERS] = {"Members", "Članovi", "Чланови"},
    [UI_SECTION_STORIES] = {"Success stories", "Priče o uspehu", "Приче о успеху"},
    [UI_SECTION_COOPERATION] = {"Cooperation", "Saradnja", "Сарадња"},
    [UI_SECTION_CONTACT] = {"Contact", "Kontakt", "Контакт"},
    [UI_VISION] = {"Our vision", "Naša vizija", "Наша визија"},
    [UI_OBJECTIVES] = {"Objectives", "Ciljevi", "Циљеви"},
    [UI_KEY_FIGURES] = {"Key figures", "Ključni podaci", "Кључни подаци"},
    [UI_PROFILE] = {"Focus and networks", "Oblasti i mreže", "Области и мреже"},
    [UI_SERVICES] = {"Support for members", "Podrška članovima", "Подршка члановима"},
    [UI_WHY_PARTNER] = {"Why partner with us", "Zašto sarađivati sa nama", "Зашто сарађивати са нама"},
    [UI_ACTION_PLAN] = {"Action plan", "Akcioni plan", "Акциони план"},
    [UI_MEMBER_BRANDS] = {"Member companies and organisations", "Članice klastera", "Чланице кластера"},
    [UI_MAJOR_PLAYERS] = {"Major players", "Glavni akteri", "Главни актери"},
    [UI_TRADE_MISSIONS] = {"Trade missions and B2B meetings", "Trgovinske misije i B2B sastanci",
                           "Трговинске мисије и B2B састанци"},
    [UI_TARGET_COUNTRIES] = {"Target countries", "Ciljne zemlje", "Циљне земље"},
    [UI_PARTNER_CLUSTERS] = {"Partner clusters", "Partnerski klasteri", "Партнерски кластери"},
    [UI_PROGRAMMES] = {"Funded support programmes", "Programi podrške", "Програми подршке"},
    [UI_FOUNDED] = {"Founded", "Osnovan", "Основан"},
    [UI_SECTORS] = {"Sector", "Sektor", "Сектор"},
    [UI_TECHNOLOGY] = {"Technology fields", "Tehnološke oblasti", "Технолошке области"},
    [UI_S3_PRIORITIES] = {"S3 priority areas", "S3 prioritetne oblasti", "S3 приоритетне области"},
    [UI_EMERGING] = {"Emerging industries", "Nove industrije", "Нове индустрије"},
    [UI_SPECIALISATION] = {"Specialisation", "Specijalizacija", "Специјализација"},
    [UI_NETWORKS] = {"Networks", "Mreže", "Мреже"},
    [UI_SERVICE_DETAILS] = {"In practice", "U praksi", "У пракси"},
    [UI_MEMBER_SME] = {"SME", "MSP", "МСП"},
    [UI_MEMBER_LARGER] = {"Larger company", "Veliko preduzeće", "Велико предузеће"},
    [UI_MEMBER_RESEARCH] = {"Research organisation", "Istraživačka organizacija", "Истраживачка организација"},
    [UI_MEMBER_OTHER] = {"Ecosystem partner", "Partner ekosistema", "Партнер екосистема"},
    [UI_SEARCH_MEMBERS] = {"Search by name", "Pretraga po imenu", "Претрага по имену"},
    [UI_ALL_KINDS] = {"All", "Svi", "Сви"},
    [UI_MEMBERS_TOTAL] = {"%d members", "Članova: %d", "Чланова: %d"},
    [UI_MEMBERS_SHOWN] = {"%d of %d shown", "Prikazano %d od %d", "Приказано %d од %d"},
    [UI_PAGE_OF] = {"Page %d of %d", "Strana %d od %d", "Страна %d од %d"},
    [UI_NO_MATCHES] = {"No member matches “%s”", "Nijedan član ne odgovara pretrazi „%s“",
                       "Ниједан члан не одговара претрази „%s“"},
    [UI_KEY_SPACE] = {"Space", "Razmak", "Размак"},
    [UI_KEY_CLEAR] = {"Clear", "Obriši", "Обриши"},
    [UI_KEY_DONE] = {"Done", "Gotovo", "Готово"},
    [UI_MISSION_TRADE] = {"Trade mission", "Trgovinska misija", "Трговинска мисија"},
    [UI_MISSION_B2B] = {"B2B meetings", "B2B sastanci", "B2B састанци"},
    [UI_SCOPE_NATIONAL] = {"National", "Nacionalni", "Национални"},
    [UI_SCOPE_INTERNATIONAL] = {"International", "Međunarodni", "Међународни"},
    [UI_TARGET_INTERNATIONAL] = {"International cooperation", "Međunarodna saradnja", "Међународна сарадња"},
    [UI_TARGET_TRANSNATIONAL] = {"Trans-national cooperation", "Transnacionalna saradnja",
                                 "Транснационална сарадња"},
    [UI_TOUCH_TO_EXPLORE] = {"Touch to explore", "Dodirnite i istražite", "Додирните и истражите"},
    [UI_BACK] = {"Back", "Nazad", "Назад"},
    [UI_STILL_THERE] = {"Still there?", "Da li ste još tu?", "Да ли сте још ту?"},
    [UI_STILL_THERE_HINT] = {"Touch the screen to stay on this page", "Dodirnite ekran da ostanete na ovoj strani",
                             "Додирните екран да останете на овој страни"},
    [UI_WEBSITE] = {"Website", "Veb-sajt", "Веб-сајт"},
    [UI_SCAN_TO_SAVE] = {"Scan to save", "Skenirajte i sačuvajte", "Скенирајте и сачувајте"},
    [UI_NO_CONTENT] = {"Content is not available right now", "Sadržaj trenutno nije dostupan",
                       "Садржај тренутно није доступан"},
    [UI_NO_CONTENT_HINT] = {"Please ask the booth staff for help.", "Molimo obratite se osoblju štanda.",
                            "Молимо обратите се особљу штанда."},
    [UI_PACK_FALLBACK] = {"Showing the bundled content", "Prikazuje se ugrađeni sadržaj",
                          "Приказује се уграђени садржај"},
    [UI_CITY] = {"City", "Grad", "Град"},
    [UI_UPDATE_TITLE] = {"Updating the content", "Ažuriranje sadržaja", "Ажурирање садржаја"},
    [UI_UPDATE_COPYING] = {"Copying from the USB stick…", "Kopiranje sa USB-a…", "Копирање са USB-а…"},
    [UI_UPDATE_DOWNLOADING] = {"Downloading the new content…", "Preuzimanje novog sadržaja…", "Преузимање новог садржаја…"},
    [UI_UPDATE_VERIFYING] = {"Checking the signature…", "Provera potpisa…", "Провера потписа…"},
    [UI_UPDATE_CHECKING] = {"Checking the content…", "Provera sadržaja…", "Провера садржаја…"},
    [UI_UPDATE_INSTALLING] = {"Installing…", "Instaliranje…", "Инсталирање…"},
    [UI_UPDATE_FAILED] = {"Update failed: the new content could not be opened",
                          "Ažuriranje nije uspelo: novi sadržaj ne može da se otvori",
                          "Ажурирање није успело: нови садржај не може да се отвори"},
    [UI_READ_MORE] = {"Read more", "Pročitajte više", "Прочитајте више"},
    [UI_TALK_TO_US] = {"Talk to us at the booth", "Razgovarajte sa nama na štandu", "Разговарајте са нама на штанду"},
    [UI_ACHIEVEMENTS] = {"Achievements and presentations", "Dostignuća i prezentacije", "Достигнућа и презентације"},
    [UI_PACK_SUMMARY] = {"version %lld, %zu members, %zu stories", "verzija %lld, članova: %zu, priča: %zu",
                         "верзија %lld, чланова: %zu, прича: %zu"},
    [UI_STAFF_TITLE] = {"Staff panel", "Panel za osoblje", "Панел за особље"},
    [UI_STAFF_ENTER_PIN] = {"Enter the staff PIN", "Unesite PIN za osoblje", "Унесите ПИН за особље"},
    [UI_STAFF_WRONG_PIN] = {"Wrong PIN: %d tries left", "Pogrešan PIN: preostalo pokušaja: %d",
                            "Погрешан ПИН: преостало покушаја: %d"},
    [UI_STAFF_LOCKED] = {"Too many wrong PINs: locked for %d more min", "Previše pogrešnih PIN-ova: zaključano još %d min",
                         "Превише погрешних ПИН-ова: закључано још %d мин"},
    [UI_STAFF_ERASE] = {"Erase", "Obriši", "Обриши"},
    [UI_STAFF_ENTER] = {"OK", "U redu", "У реду"},
    [UI_STAFF_CLOSE] = {"Close", "Zatvori", "Затвори"},
    [UI_STAFF_PACK] = {"Content pack", "Paket sadržaja", "Пакет садржаја"},
    [UI_STAFF_INSTALLED] = {"Installed", "Instaliran", "Инсталиран"},
    [UI_STAFF_LAST_UPDATE] = {"Last update", "Poslednje ažuriranje", "Последње ажурирање"},
    [UI_STAFF_TODAY] = {"Today", "Danas", "Данас"},
    [UI_STAFF_LEADS] = {"Leads to export", "Kontakti za izvoz", "Контакти за извоз"},
    [UI_STAFF_FREE_SPACE] = {"Free space", "Slobodan prostor", "Слободан простор"},
    [UI_STAFF_UPTIME] = {"Running for", "Radi već", "Ради већ"},
    [UI_STAFF_TEMPERATURE] = {"Board temperature", "Temperatura ploče", "Температура плоче"},
    [UI_STAFF_SHOWING] = {"Showing", "Prikaz", "Приказ"},
    [UI_STAFF_NOT_AVAILABLE] = {"not available", "nije dostupno", "није доступно"},
    [UI_STAFF_NO_UPDATE] = {"none since the kiosk started", "nijedno od pokretanja", "ниједно од покретања"},
    [UI_STAFF_VERSION] = {"version", "verzija", "верзија"},
    [UI_STAFF_FROM_INSTALLED] = {"installed", "instaliran", "инсталиран"},
    [UI_STAFF_FROM_BUNDLED] = {"bundled", "ugrađen", "уграђен"},
    [UI_STAFF_FROM_FILE] = {"file", "datoteka", "датотека"},
    [UI_STAFF_PENDING] = {"pending", "na proveri", "на провери"},
    [UI_STAFF_VISITS_TODAY] = {"visits today", "posete danas", "посете данас"},
    [UI_STAFF_PAGES] = {"pages", "strane", "стране"},
    [UI_STAFF_AVERAGE] = {"on average", "u proseku", "у просеку"},
    [UI_STAFF_SEARCHES] = {"searches", "pretrage", "претраге"},
    [UI_STAFF_BUNDLED] = {"bundled with the kiosk", "ugrađen u kiosk", "уграђен у киоск"},
    [UI_STAFF_ROLLBACK] = {"Roll back the pack", "Vrati prethodni paket", "Врати претходни пакет"},
    [UI_STAFF_CONFIRM] = {"Tap again to confirm", "Dodirnite ponovo za potvrdu", "Додирните поново за потврду"},
    [UI_STAFF_EXPORT] = {"Export leads and statistics", "Izvezi kontakte i statistiku", "Извези контакте и статистику"},
    [UI_STAFF_PROFILE_BOOTH] = {"Profile: booth", "Profil: štand", "Профил: штанд"},
    [UI_STAFF_PROFILE_LOBBY] = {"Profile: lobby", "Profil: hol", "Профил: хол"},
    [UI_STAFF_LANGUAGE] = {"Start language: %s", "Početni jezik: %s", "Почетни језик: %s"},
    [UI_STAFF_UNTIL_RESTART] = {"Profile and language hold until the kiosk restarts",
                                "Profil i jezik važe do ponovnog pokretanja", "Профил и језик важе до поновног покретања"},
    [UI_STAFF_TOUCH_TEST] = {"Touch test", "Test dodira", "Тест додира"},
    [UI_STAFF_TOUCH_HINT] = {"Draw with a finger: the line must follow it, also at the edges",
                             "Crtajte prstom: linija mora da ga prati, i uz ivice",
                             "Цртајте прстом: линија мора да га прати, и уз ивице"},
    [UI_STAFF_DONE] = {"Done", "Gotovo", "Готово"},
    [UI_STAFF_RESTART] = {"Restart the kiosk", "Ponovo pokreni kiosk", "Поново покрени киоск"},
    [UI_STAFF_ROLLED_BACK] = {"Rolled back: version %lld is on screen", "Vraćeno: prikazuje se verzija %lld",
                              "Враћено: приказује се верзија %lld"},
    [UI_STAFF_ROLLED_BACK_BUNDLED] = {"Rolled back: the bundled pack is on screen",
                                      "Vraćeno: prikazuje se ugrađeni paket", "Враћено: приказује се уграђени пакет"},
    [UI_STAFF_NOTHING_TO_ROLL_BACK] = {"No installed pack: the bundled pack is on screen",
                                       "Nema instaliranog paketa: prikazuje se ugrađeni",
                                       "Нема инсталираног пакета: приказује се уграђени"},
    [UI_STAFF_ROLLBACK_FAILED] = {"Roll back failed: %s", "Vraćanje nije uspelo: %s", "Враћање није успело: %s"},
    [UI_STAFF_BUSY] = {"An update is running: try again in a moment", "Ažuriranje je u toku: pokušajte ponovo uskoro",
                       "Ажурирање је у току: покушајте поново ускоро"},
    [UI_STAFF_NO_UPDATES] = {"The state folder cannot be used: no installed packs",
                             "Fascikla stanja nije upotrebljiva: nema instaliranih paketa",
                             "Фасцикла стања није употребљива: нема инсталираних пакета"},
    [UI_STAFF_RESTARTING] = {"Restarting…", "Ponovno pokretanje…", "Поновно покретање…"},
    [UI_MSG_INSTALLED] = {"Content updated: %s", "Sadržaj je ažuriran: %s", "Садржај је ажуриран: %s"},
    [UI_MSG_NO_TRUSTED_KEY] = {"Not installed: this kiosk has no trusted key", "Nije instalirano: ovaj kiosk nema nijedan pouzdan ključ", "Није инсталирано: овај киоск нема ниједан поуздан кључ"},
    [UI_MSG_PACK_MISSING] = {"Not installed: content.db is missing", "Nije instalirano: nedostaje content.db", "Није инсталирано: недостаје content.db"},
    [UI_MSG_PACK_NOT_REGULAR] = {"Not installed: content.db is not a regular file", "Nije instalirano: content.db nije obična datoteka", "Није инсталирано: content.db није обична датотека"},
    [UI_MSG_SIG_MISSING] = {"Not installed: the signature file content.db.minisig is missing", "Nije instalirano: nedostaje datoteka s potpisom content.db.minisig", "Није инсталирано: недостаје датотека с потписом content.db.minisig"},
    [UI_MSG_SIG_MALFORMED] = {"Not installed: the signature file is damaged or incomplete", "Nije instalirano: datoteka s potpisom je oštećena ili nepotpuna", "Није инсталирано: датотека с потписом је оштећена или непотпуна"},
    [UI_MSG_SIG_LEGACY] = {"Not installed: old signature format; sign again with a current minisign", "Nije instalirano: stari format potpisa; potpišite ponovo novijim minisign-om", "Није инсталирано: стари формат потписа; потпишите поново новијим minisign-ом"},
    [UI_MSG_SIG_UNKNOWN_KEY] = {"Not installed: signature is not from a trusted key (key %s)", "Nije instalirano: potpis nije od pouzdanog ključa (ključ %s)", "Није инсталирано: потпис није од поузданог кључа (кључ %s)"},
    [UI_MSG_SIG_BAD] = {"Not installed: the pack was changed after it was signed", "Nije instalirano: paket je izmenjen posle potpisivanja", "Није инсталирано: пакет је измењен после потписивања"},
    [UI_MSG_COMMENT_BAD] = {"Not installed: the signature's trusted comment was changed", "Nije instalirano: pouzdani komentar potpisa je izmenjen", "Није инсталирано: поуздани коментар потписа је измењен"},
    [UI_MSG_TOO_LARGE] = {"Not installed: the pack is larger than %" PRIu64 " MB", "Nije instalirano: paket je veći od %" PRIu64 " MB", "Није инсталирано: пакет је већи од %" PRIu64 " MB"},
    [UI_MSG_ALREADY_INSTALLED] = {"Version %" PRId64 " is already installed", "Verzija %" PRId64 " je već instalirana", "Верзија %" PRId64 " је већ инсталирана"},
    [UI_MSG_OLDER_VERSION] = {"Not installed: version %" PRId64 " is older than the installed version %" PRId64, "Nije instalirano: verzija %" PRId64 " je starija od instalirane verzije %" PRId64, "Није инсталирано: верзија %" PRId64 " је старија од инсталиране верзије %" PRId64},
    [UI_MSG_ROLLED_BACK_VERSION] = {"Not installed: version %" PRId64 " was rolled back before", "Nije instalirano: verzija %" PRId64 " je ranije povučena", "Није инсталирано: верзија %" PRId64 " је раније повучена"},
    [UI_MSG_NOT_ACCEPTED] = {"Not installed: %s", "Nije instalirano: %s", "Није инсталирано: %s"},
    [UI_MSG_READ_ERROR] = {"Update failed: the stick could not be read (%s)", "Ažuriranje nije uspelo: USB se ne može pročitati (%s)", "Ажурирање није успело: USB се не може прочитати (%s)"},
    [UI_MSG_DISK_FULL] = {"Update failed: the kiosk's storage is full", "Ažuriranje nije uspelo: memorija kioska je puna", "Ажурирање није успело: меморија киоска је пуна"},
    [UI_MSG_STORAGE_ERROR] = {"Update failed: the kiosk could not store the pack (%s)", "Ažuriranje nije uspelo: kiosk ne može da sačuva paket (%s)", "Ажурирање није успело: киоск не може да сачува пакет (%s)"},
    [UI_MSG_INTERNAL] = {"Update failed: %s", "Ažuriranje nije uspelo: %s", "Ажурирање није успело: %s"},
    [UI_MSG_REFUSED_BEFORE] = {"Not installed: this pack was taken off this kiosk before (%s)", "Nije instalirano: ovaj paket je ranije uklonjen sa ovog kioska (%s)", "Није инсталирано: овај пакет је раније уклоњен са овог киоска (%s)"},
    [UI_MSG_STATE_UNREADABLE] = {"Update paused: the kiosk cannot read its state (%s); nothing was deleted", "Ažuriranje je pauzirano: kiosk ne može da pročita svoje stanje (%s); ništa nije obrisano", "Ажурирање је паузирано: киоск не може да прочита своје стање (%s); ништа није обрисано"},
    [UI_MSG_CANCELLED] = {"Update stopped: the kiosk was shutting down; the stick is read again at the next start",
                          "Ažuriranje je prekinuto: kiosk se gasio; USB se ponovo čita pri sledećem pokretanju",
                          "Ажурирање је прекинуто: киоск се гасио; USB се поново чита при следећем покретању"},
    [UI_MSG_DIR_SYMLINK] = {"Not installed: the facts-kiosk folder is a link; put the folder itself on the stick", "Nije instalirano: fascikla facts-kiosk je prečica; stavite na USB samu fasciklu", "Није инсталирано: фасцикла facts-kiosk је пречица; ставите на USB саму фасциклу"},
    [UI_MSG_DIR_NOT_FOLDER] = {"Not installed: facts-kiosk on the stick is a file, not a folder", "Nije instalirano: facts-kiosk na USB-u je datoteka, a ne fascikla", "Није инсталирано: facts-kiosk на USB-у је датотека, а не фасцикла"},
    [UI_MSG_DIR_UNREADABLE] = {"Not installed: the facts-kiosk folder cannot be opened (%s)", "Nije instalirano: fascikla facts-kiosk ne može da se otvori (%s)", "Није инсталирано: фасцикла facts-kiosk не може да се отвори (%s)"},
    [UI_MSG_PACK_SYMLINK] = {"Not installed: content.db is a link, not the file itself", "Nije instalirano: content.db je prečica, a ne sama datoteka", "Није инсталирано: content.db је пречица, а не сама датотека"},
    [UI_MSG_SIG_SYMLINK] = {"Not installed: content.db.minisig is a link, not the file itself", "Nije instalirano: content.db.minisig je prečica, a ne sama datoteka", "Није инсталирано: content.db.minisig је пречица, а не сама датотека"},
    [UI_MSG_SIG_NOT_REGULAR] = {"Not installed: content.db.minisig is not a regular file", "Nije instalirano: content.db.minisig nije obična datoteka", "Није инсталирано: content.db.minisig није обична датотека"},
    [UI_MSG_UNCHANGED] = {"No new content at %s", "Nema novog sadržaja na %s", "Нема новог садржаја на %s"},
    [UI_MSG_UNREACHABLE] = {"The update server cannot be reached (%s)", "Server za ažuriranje nije dostupan (%s)", "Сервер за ажурирање није доступан (%s)"},
    [UI_MSG_DOWNLOAD_FAILED] = {"Update failed: the download did not complete (%s)", "Ažuriranje nije uspelo: preuzimanje nije završeno (%s)", "Ажурирање није успело: преузимање није завршено (%s)"},
    [UI_LEADS_COPIED] = {"Contact requests copied to the stick: %zu", "Zahtevi za kontakt kopirani na USB: %zu",
                         "Захтеви за контакт копирани на USB: %zu"},
    [UI_LEADS_COPY_FAILED] = {"Contact requests could not be copied to the stick",
                              "Zahtevi za kontakt nisu kopirani na USB", "Захтеви за контакт нису копирани на USB"},
    [UI_LEADS_EXPORT_NOW] = {"Contact requests go to every stick inserted", "Zahtevi za kontakt idu na svaki umetnut USB",
                             "Захтеви за контакт иду на сваки уметнут USB"},
    [UI_VISITS_EXPORT_NOW] = {"Statistics are being written to the stick", "Statistika se upisuje na USB",
                              "Статистика се уписује на USB"},
    [UI_LEAD_BUTTON] = {"Contact me", "Kontaktirajte me", "Контактирајте ме"},
    [UI_LEAD_TITLE] = {"Leave us your contact", "Ostavite nam kontakt", "Оставите нам контакт"},
    [UI_LEAD_NAME] = {"Name", "Ime i prezime", "Име и презиме"},
    [UI_LEAD_COMPANY] = {"Company (optional)", "Firma (nije obavezno)", "Фирма (није обавезно)"},
    [UI_LEAD_EMAIL] = {"E-mail", "Imejl", "Имејл"},
    [UI_LEAD_COUNTRY] = {"Country", "Zemlja", "Земља"},
    [UI_LEAD_CHOOSE] = {"Choose…", "Izaberite…", "Изаберите…"},
    [UI_LEAD_INTEREST] = {"Interested in", "Zanima vas", "Занима вас"},
    [UI_LEAD_GENERAL] = {"The cluster in general", "Klaster u celini", "Кластер у целини"},
    [UI_LEAD_CONSENT] = {"I agree that the FACTS cluster keeps the details in this form and contacts me about my "
                         "interest.",
                         "Slažem se da klaster FACTS čuva podatke iz ovog obrasca i kontaktira me u vezi sa mojim "
                         "interesovanjem.",
                         "Слажем се да кластер FACTS чува податке из овог обрасца и контактира ме у вези са мојим "
                         "интересовањем."},
    [UI_LEAD_SEND] = {"Send", "Pošalji", "Пошаљи"},
    [UI_LEAD_CANCEL] = {"Cancel", "Otkaži", "Откажи"},
    [UI_LEAD_NEED_NAME] = {"Please enter your name", "Upišite ime i prezime", "Упишите име и презиме"},
    [UI_LEAD_NEED_EMAIL] = {"That does not look like an e-mail address (name@example.org)",
                            "Ovo ne liči na imejl adresu (ime@example.org)", "Ово не личи на имејл адресу (ime@example.org)"},
    [UI_LEAD_NEED_CONSENT] = {"Please tick the box to send", "Označite polje da biste poslali",
                              "Означите поље да бисте послали"},
    [UI_LEAD_THANKS] = {"Thank you!", "Hvala!", "Хвала!"},
    [UI_LEAD_THANKS_HINT] = {"We will be in touch soon.", "Javićemo vam se uskoro.", "Јавићемо вам се ускоро."},
    [UI_LEAD_NOT_KEPT] = {"Sorry, this could not be saved. Please talk to us at the booth.",
                          "Izvinite, ovo nije sačuvano. Razgovarajte sa nama na štandu.",
                          "Извините, ово није сачувано. Разговарајте са нама на штанду."},
};

static const char *const MONTHS[LANG_COUNT][12] = {
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"},
    {"januar", "februar", "mart", "april", "maj", "jun", "jul", "avgust", "septembar", "oktobar", "novembar",
     "decembar"},
    {"јануар", "фебруар", "март", "април", "мај", "јун", "јул", "август", "септембар", "октобар", "новембар",
     "децембар"},
};

const char *ui_text(UiText id, Lang lang)
{
    if ((int)id < 0 || id >= UI_TEXT_COUNT || (int)lang < 0 || lang >= LANG_COUNT || !TEXTS[id][lang]) {
        return "";
    }
    return TEXTS[id][lang];
}

const char *ui_programme_scope(int scope, Lang lang)
{
    switch (scope) {
    case 0:
        return ui_text(UI_SCOPE_NATIONAL, lang);
    case 1:
        return ui_text(UI_SCOPE_INTERNATIONAL, lang);
    default:
        return "";
    }
}

void ui_format_date(const char *iso_date, Lang lang, char *out, size_t size)
{
    int year = 0;
    int month = 0;
    int day = 0;
    out[0] = '\0';
    if (!iso_date || sscanf(iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12 ||
        (int)lang < 0 || lang >= LANG_COUNT) {
        return;
    }
    if (lang == LANG_EN) {
        snprintf(out, size, "%d %s %d", day, MONTHS[lang][month - 1], year);
    } else {
        snprintf(out, size, "%d. %s %d.", day, MONTHS[lang][month - 1], year);
    }
}
