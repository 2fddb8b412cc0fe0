<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="57" />
        <source>Choose an act in the list.</source>
        <translation>Выберите акт в списке.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="69" />
        <source>Act</source>
        <translation>Акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="70" />
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="71" />
        <source>Audit trail</source>
        <translation>Журнал событий</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="76" />
        <source>Checking act {number}…</source>
        <translation>Проверяется акт {number}…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="112" />
        <source>Act {number} v{version}: the stored PDF and content are the ones signed (SHA-256 {digest}…).</source>
        <translation>Акт {number} в.{version}: сохранённые PDF и содержание — те, что подписаны (SHA-256 {digest}…).</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="115" />
        <source>The standard: not measured for this visit.</source>
        <translation>Стандарт: для этого визита не измерялся.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_act_panel.py" line="126" />
        <source>The act could not be opened ({error}). Check the connection to the database and try again.</source>
        <translation>Акт не открылся ({error}). Проверьте связь с базой данных и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>ActsModel</name>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="52" />
        <source>Signed</source>
        <translation>Подписан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="53" />
        <source>Act</source>
        <translation>Акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="54" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="55" />
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="56" />
        <source>Subscriber</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="57" />
        <source>Technician</source>
        <translation>Техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="58" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="59" />
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
</context>
<context>
    <name>ActsScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="215" />
        <source>Signed acts</source>
        <translation>Подписанные акты</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="223" />
        <source>Export selected…</source>
        <translation>Выгрузить выбранные…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="224" />
        <source>Export all found…</source>
        <translation>Выгрузить все найденные…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="225" />
        <source>Materials report…</source>
        <translation>Отчёт о материалах…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="268" />
        <source>Counting…</source>
        <translation>Подсчёт…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="282" />
        <source>More than {count} acts found</source>
        <translation>Найдено больше {count} актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_acts.py" line="284" />
        <source>Acts found: {count}</source>
        <translation>Найдено актов: {count}</translation>
    </message>
</context>
<context>
    <name>AdminScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="38" />
        <source>technician unlocked</source>
        <translation>техник разблокирован</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="39" />
        <source>new PIN set</source>
        <translation>задан новый PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="40" />
        <source>office password changed</source>
        <translation>изменён пароль офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="41" />
        <source>tablet enrolment code issued</source>
        <translation>выдан код подключения планшета</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="42" />
        <source>tablet revoked</source>
        <translation>планшет отозван</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="43" />
        <source>acts exported</source>
        <translation>акты выгружены</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="44" />
        <source>acts printed</source>
        <translation>акты напечатаны</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="45" />
        <source>office signed in</source>
        <translation>вход в офис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="46" />
        <source>office password given for an export</source>
        <translation>пароль офиса для выгрузки</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="47" />
        <source>wrong office password</source>
        <translation>неверный пароль офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="63" />
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="66" />
        <source>Set the new PIN</source>
        <translation>Задать новый PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="69" />
        <location filename="../../src/fieldact/ui/office_admin.py" line="114" />
        <source>Technician</source>
        <translation>Техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="71" />
        <source>New PIN</source>
        <translation>Новый PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="72" />
        <source>New PIN again</source>
        <translation>Новый PIN ещё раз</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="74" />
        <source>Technicians' PINs</source>
        <translation>PIN техников</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="77" />
        <source>Change the office password</source>
        <translation>Сменить пароль офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="80" />
        <source>Current password</source>
        <translation>Текущий пароль</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="81" />
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="82" />
        <source>New password again</source>
        <translation>Новый пароль ещё раз</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="84" />
        <source>Office password</source>
        <translation>Пароль офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="89" />
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="89" />
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="89" />
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="102" />
        <source>The office's actions</source>
        <translation>Действия офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="107" />
        <source>Enrolment code for his tablet</source>
        <translation>Код подключения для его планшета</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="114" />
        <source>Tablet</source>
        <translation>Планшет</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="114" />
        <source>Enrolled</source>
        <translation>Подключён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="114" />
        <source>Revoked</source>
        <translation>Отозван</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="124" />
        <source>e.g. tablet lost</source>
        <translation>например, планшет утерян</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="125" />
        <source>Revoke the chosen tablet</source>
        <translation>Отозвать выбранный планшет</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="131" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="138" />
        <source>Tablets (the central service)</source>
        <translation>Планшеты (центральный сервис)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="186" />
        <source>The code for {name}'s tablet works once, for {hours:g} hours: enter it on the tablet.</source>
        <translation>Код для планшета {name} действует один раз, {hours:g} ч: введите его на планшете.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="194" />
        <source>Choose the tablet to revoke in the list first.</source>
        <translation>Сначала выберите в списке планшет, который нужно отозвать.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="204" />
        <source>The tablet {device} is revoked: it is refused at once and its later acts fail verify.</source>
        <translation>Планшет {device} отозван: сервер сразу перестаёт его принимать, а его последующие акты не проходят проверку.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="221" />
        <source>{name} may sign in again.</source>
        <translation>{name} может снова входить.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="231" />
        <source>{name} has a new PIN.</source>
        <translation>У {name} новый PIN.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_admin.py" line="241" />
        <source>The office password is changed.</source>
        <translation>Пароль офиса изменён.</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="30" />
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="30" />
        <source>Who</source>
        <translation>Кто</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="30" />
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="201" />
        <source>Technicians: pre-call and arrival on time, %</source>
        <translation>Техники: предзвонок и приезд вовремя, %</translation>
    </message>
</context>
<context>
    <name>BranchPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="37" />
        <source>Describe the situation in detail</source>
        <translation>Подробно опишите ситуацию</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="42" />
        <source>Record</source>
        <translation>Записать</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="46" />
        <source>This ends the visit: it is marked as rescheduled and cannot be continued. Record it?</source>
        <translation>Визит на этом закончится: он будет отмечен как перенесённый, продолжить его будет нельзя. Записать?</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="49" />
        <source>Yes, record and end the visit</source>
        <translation>Да, записать и закончить визит</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="50" />
        <source>No, go back</source>
        <translation>Нет, вернуться</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="54" />
        <source>{title}: recorded</source>
        <translation>{title}: записано</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="78" />
        <source>The time the subscriber asks for:</source>
        <translation>Время, которое просит Абонент:</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/branch_panel.py" line="161" />
        <source>Call now: {role}{phone}</source>
        <translation>Позвоните сейчас: {role}{phone}</translation>
    </message>
</context>
<context>
    <name>CaptureView</name>
    <message>
        <location filename="../../src/fieldact/ui/capture.py" line="69" />
        <source>Take photo</source>
        <translation>Снять</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/capture.py" line="73" />
        <source>From a file</source>
        <translation>Из файла</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/capture.py" line="116" />
        <source>The camera is not ready. Wait a second and press the button again.</source>
        <translation>Камера ещё не готова. Подождите секунду и нажмите кнопку снова.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/capture.py" line="122" />
        <source>The file cannot be read. Choose another one.</source>
        <translation>Файл не читается. Выберите другой.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/capture.py" line="132" />
        <source>Choose a photo</source>
        <translation>Выберите снимок</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/capture.py" line="139" />
        <source>No camera on this tablet works. Choose a photo from a file.</source>
        <translation>Камера на этом планшете не работает. Выберите снимок из файла.</translation>
    </message>
</context>
<context>
    <name>ChannelsEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="98" />
        <source>Channels shown, separated by commas (at least {n})</source>
        <translation>Показанные каналы через запятую (не меньше {n})</translation>
    </message>
</context>
<context>
    <name>DayScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="48" />
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="101" />
        <source>{name}, visits for {date}</source>
        <translation>{name}, визиты на {date}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="115" />
        <source>Acts are saved on this tablet; sending them to the office is not set up: tell the office</source>
        <translation>Акты сохранены на этом планшете; отправка в офис не настроена: скажите об этом в офисе</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="117" />
        <source>Nothing sent to the office yet · acts to send: {n}</source>
        <translation>В офис ещё ничего не отправлено · актов к отправке: {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="120" />
        <source>Sent to the office {when} · acts to send: {n}</source>
        <translation>Отправлено в офис {when} · актов к отправке: {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="122" />
        <source>not accepted: {n}, the office sees them</source>
        <translation>не принято: {n}, офис это видит</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="139" />
        <source>The tablet's clock is {off} fast compared with the server.</source>
        <translation>Часы планшета спешат на {off} относительно сервера.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="141" />
        <source>The tablet's clock is {off} slow compared with the server.</source>
        <translation>Часы планшета отстают на {off} относительно сервера.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="142" />
        <source>Set the right date and time in the tablet's settings: acts carry the times from this clock.</source>
        <translation>Поставьте верные дату и время в настройках планшета: в актах стоит время с этих часов.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="158" />
        <source>Rules for the whole day ({n})</source>
        <translation>Правила на весь день ({n})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="165" />
        <source>Before the first visit</source>
        <translation>Перед первым визитом</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="169" />
        <source>Done, start the day</source>
        <translation>Готово, начать день</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="182" />
        <source>No visits planned for today.</source>
        <translation>На сегодня визитов нет.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="190" />
        <source>from {time}, no exact time</source>
        <translation>с {time}, без точного времени</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="201" />
        <source>When do you expect to arrive? The pre-call comes an hour before.</source>
        <translation>Когда Вы рассчитываете прийти? Предварительный звонок — за час до этого.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="207" />
        <source>expected {time}</source>
        <translation>ожидается в {time}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="253" />
        <source>Time to call {name}</source>
        <translation>Пора позвонить: {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/day_screen.py" line="301" />
        <source>Set</source>
        <translation>Указать</translation>
    </message>
</context>
<context>
    <name>DebrisEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="181" />
        <source>The debris is removed</source>
        <translation>Мусор убран</translation>
    </message>
</context>
<context>
    <name>DoneScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="45" />
        <source>Your copy of the act</source>
        <translation>Ваш экземпляр акта</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="49" />
        <source>Scan the code with your phone's camera to open your personal account.</source>
        <translation>Наведите камеру телефона на код, чтобы открыть личный кабинет.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="53" />
        <source>Print a paper copy</source>
        <translation>Печать бумажной копии</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="63" />
        <source>Finish the visit</source>
        <translation>Завершить визит</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="134" />
        <source>24-hour information centre: {phone}</source>
        <translation>Круглосуточный информационный центр: {phone}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="135" />
        <source>Act {number} is signed. Thank you!</source>
        <translation>Акт {number} подписан. Спасибо!</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="135" />
        <source>Act {number}: refusal recorded.</source>
        <translation>Акт {number}: отказ от подписи записан.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="157" />
        <source>Wishes: </source>
        <translation>Пожелания: </translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="176" />
        <source>Closing: {n} still open</source>
        <translation>Завершение: не отмечено {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/done_screen.py" line="176" />
        <source>Closing done.</source>
        <translation>Завершение контакта отмечено.</translation>
    </message>
</context>
<context>
    <name>EnrolScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="45" />
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="47" />
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="55" />
        <source>Connect this tablet to the server</source>
        <translation>Подключение планшета к серверу</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="59" />
        <source>The office gives a one-time code for the technician this tablet is for. Type the server's address and the code; the tablet makes its own key and gets its certificate.</source>
        <translation>Офис выдаёт одноразовый код для техника, чей это планшет. Введите адрес сервера и код: планшет сам создаст свой ключ и получит сертификат.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="64" />
        <source>Server address</source>
        <translation>Адрес сервера</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="65" />
        <source>Code from the office</source>
        <translation>Код из офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="66" />
        <source>Server's own certificate file, only if the office names one</source>
        <translation>Файл сертификата сервера — только если его назвал офис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="89" />
        <source>Connecting to {url}…</source>
        <translation>Подключение к {url}…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="101" />
        <source>Type the server's address as the office wrote it, starting with https://</source>
        <translation>Введите адрес сервера так, как его написал офис, начиная с https://</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="103" />
        <source>Type the whole code from the office (it has 16 letters and digits).</source>
        <translation>Введите код из офиса полностью (в нём 16 букв и цифр).</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="109" />
        <source>The tablet is connected. The technician and his orders come with the first sync.</source>
        <translation>Планшет подключён. Техник и его заявки появятся после первой синхронизации.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/enrol_screen.py" line="140" />
        <source>The certificate file {name} is not there. Check the path the office gave.</source>
        <translation>Файла сертификата {name} нет. Проверьте путь, который дал офис.</translation>
    </message>
</context>
<context>
    <name>EquipmentPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="40" />
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="115" />
        <source>Installed</source>
        <translation>Установлено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="41" />
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="115" />
        <source>Taken away</source>
        <translation>Снято у абонента</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="43" />
        <source>serial number</source>
        <translation>серийный номер</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="46" />
        <source>MAC, e.g. 00:1A:2B:3C:4D:5E</source>
        <translation>MAC, например 00:1A:2B:3C:4D:5E</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="48" />
        <source>Scan the label</source>
        <translation>Сканировать этикетку</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="49" />
        <source>Add device</source>
        <translation>Добавить устройство</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="52" />
        <source>Remove selected</source>
        <translation>Удалить выбранное</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="70" />
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/equipment_panel.py" line="151" />
        <source>The code read is not a serial number of this type: {code}. Check it or type the number.</source>
        <translation>Считанный код — не серийный номер устройства этого типа: {code}. Проверьте его или введите номер вручную.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="58" />
        <source>The tablet's storage is full. Nothing entered is lost: free some space or call support.</source>
        <translation>Память планшета заполнена, нет места. Введённое не потеряно: освободите место или позвоните в поддержку.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="62" />
        <source>The database cannot be written (read-only). Call support; nothing entered is lost.</source>
        <translation>В базу данных нельзя записать (только чтение). Позвоните в поддержку; введённое не потеряно.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="66" />
        <source>The database did not answer. Try again; if it repeats, call support.</source>
        <translation>База данных не ответила. Повторите; если повторится — позвоните в поддержку.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/errors.py" line="67" />
        <source>Something went wrong ({error}). What you entered is kept; try again or call support.</source>
        <translation>Что-то пошло не так ({error}). Введённое сохранено на экране; повторите или позвоните в поддержку.</translation>
    </message>
</context>
<context>
    <name>EvidenceEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="239" />
        <source>Labels applied:</source>
        <translation>Наклеено бирок:</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="242" />
        <source>Holes filled (0: none drilled):</source>
        <translation>Замазано отверстий (0 — не сверлили):</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="246" />
        <source>The agreed route: on the landing and in the flat</source>
        <translation>Согласованная трасса: по площадке и по квартире</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="251" />
        <source>Tariff activated</source>
        <translation>Активированный тариф</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="40" />
        <source>Export acts</source>
        <translation>Выгрузка актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="43" />
        <source>Export {count} act(s)</source>
        <translation>Выгрузить актов: {count}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="45" />
        <source>Each act is checked against its hashes first; the PDFs are written as stored, with a manifest.</source>
        <translation>Каждый акт сначала сверяется со своими хешами; PDF записываются такими, как сохранены, вместе с манифестом.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="48" />
        <source>A folder, or a file ending in .zip</source>
        <translation>Папка или файл с расширением .zip</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="49" />
        <source>Folder…</source>
        <translation>Папка…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="50" />
        <source>ZIP file…</source>
        <translation>Файл ZIP…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="54" />
        <source>No register</source>
        <translation>Без реестра</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="55" />
        <source>Register as CSV (Excel)</source>
        <translation>Реестр в CSV (Excel)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="56" />
        <source>Register as XLSX</source>
        <translation>Реестр в XLSX</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="65" />
        <source>Export</source>
        <translation>Выгрузить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="66" />
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="67" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="77" />
        <source>Where</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="81" />
        <source>Register</source>
        <translation>Реестр</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="100" />
        <source>Folder for the acts</source>
        <translation>Папка для актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="105" />
        <source>ZIP file for the acts</source>
        <translation>Файл ZIP для актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="113" />
        <source>Choose a folder or a ZIP file to export to.</source>
        <translation>Выберите папку или файл ZIP для выгрузки.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="128" />
        <source>Checking and writing the acts…</source>
        <translation>Акты проверяются и записываются…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="148" />
        <source>{done} of {total}</source>
        <translation>{done} из {total}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="154" />
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="161" />
        <source>The export was cancelled: nothing was written.</source>
        <translation>Выгрузка отменена: ничего не записано.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="179" />
        <source>The export failed ({error}); nothing was left half written. Try again, or call support.</source>
        <translation>Выгрузка не удалась ({error}); ничего не записано наполовину. Попробуйте ещё раз или позвоните в поддержку.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="51" />
        <source>All technicians</source>
        <translation>Все техники</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="57" />
        <source>Any kind</source>
        <translation>Любой вид</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="61" />
        <source>Any service</source>
        <translation>Любая услуга</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="65" />
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="68" />
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="81" />
        <source>Signed from</source>
        <translation>Подписан с</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="82" />
        <source>Signed until</source>
        <translation>Подписан по</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="83" />
        <source>Technician</source>
        <translation>Техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="84" />
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="85" />
        <source>Subscriber</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="86" />
        <source>Visit kind</source>
        <translation>Вид визита</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="87" />
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="88" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="38" />
        <source> (when it applies)</source>
        <translation> (по ситуации)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="40" />
        <source>To do</source>
        <translation>Нужно ответить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="48" />
        <source>Why? A few words</source>
        <translation>Почему? Несколько слов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="49" />
        <source>Done</source>
        <translation>Выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="50" />
        <source>Not applicable</source>
        <translation>Не требуется</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="51" />
        <source>Not done</source>
        <translation>Не выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="53" />
        <source>Save the reason</source>
        <translation>Сохранить причину</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/item_row.py" line="54" />
        <source>Change</source>
        <translation>Изменить</translation>
    </message>
</context>
<context>
    <name>LineChart</name>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="165" />
        <source>By week, %</source>
        <translation>По неделям, %</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="33" />
        <source>Who is working today?</source>
        <translation>Кто сегодня работает?</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="41" />
        <source>The service standard</source>
        <translation>Стандарт обслуживания</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="43" />
        <source>Connect to the server</source>
        <translation>Подключить к серверу</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="45" />
        <source>Another technician</source>
        <translation>Другой техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="112" />
        <source>No technician on this tablet yet. The tablet is connected to the server: the technician it was enrolled for appears here after the first sync, with his orders. Keep it on the network.</source>
        <translation>На планшете пока нет техника. Планшет подключён к серверу: техник, для которого его подключили, появится здесь после первой синхронизации вместе со своими заявками. Не отключайте планшет от сети.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="118" />
        <source>No technician on this tablet yet. Connect it to the server with the code the office gives («Connect to the server» below); the technician and his orders come with the first sync.</source>
        <translation>На планшете пока нет техника. Подключите планшет к серверу кодом из офиса (кнопка «Подключить к серверу» внизу); техник и его заявки появятся после первой синхронизации.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="130" />
        <source>{name}, enter your PIN</source>
        <translation>{name}, введите PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="155" />
        <source>Too many wrong PINs. Only the office can unlock you now: call them.</source>
        <translation>Слишком много неверных PIN. Теперь разблокировать может только офис: позвоните туда.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="159" />
        <source>Too many wrong PINs. Try again after {time} or ask the office.</source>
        <translation>Слишком много неверных PIN. Попробуйте после {time} или обратитесь в офис.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="161" />
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>Неверный PIN. Осталось попыток: {count}.</translation>
    </message>
</context>
<context>
    <name>MaterialsDialog</name>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="213" />
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="252" />
        <source>Materials report</source>
        <translation>Отчёт о материалах</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="221" />
        <source>A file ending in .xlsx or .csv</source>
        <translation>Файл с расширением .xlsx или .csv</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="222" />
        <source>File…</source>
        <translation>Файл…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="225" />
        <source>Save the report</source>
        <translation>Сохранить отчёт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="227" />
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="230" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="232" />
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="234" />
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="243" />
        <source>Materials used, per technician per day</source>
        <translation>Израсходованные материалы по техникам и дням</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="261" />
        <source>Choose the file for the report.</source>
        <translation>Выберите файл для отчёта.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="274" />
        <source>Saved: {path} ({count} line(s)).</source>
        <translation>Сохранено: {path} (строк: {count}).</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_dialogs.py" line="285" />
        <source>The report could not be saved ({error}). Check the folder and try again.</source>
        <translation>Отчёт не сохранился ({error}). Проверьте папку и попробуйте ещё раз.</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="38" />
        <source>Add material</source>
        <translation>Добавить материал</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="28" />
        <source>e.g. UTP cable 5e</source>
        <translation>например, Кабель UTP 5e</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="44" />
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="45" />
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="49" />
        <source>Materials used</source>
        <translation>Израсходованные материалы</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="50" />
        <source>Material</source>
        <translation>Материал</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="61" />
        <source>Enter the material's name or choose it from the list.</source>
        <translation>Введите название материала или выберите его из списка.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="65" />
        <source>Enter the quantity as a number, e.g. 12,5.</source>
        <translation>Введите количество числом, например 12,5.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="69" />
        <source>Choose the unit of «{name}».</source>
        <translation>Выберите единицу для «{name}».</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/materials_panel.py" line="114" />
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>OfficeWindow</name>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="148" />
        <source>fieldact — office</source>
        <translation>fieldact — офис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="176" />
        <source>Screens</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="179" />
        <source>Acts</source>
        <translation>Акты</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="180" />
        <source>Quality</source>
        <translation>Качество</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="181" />
        <source>Print selected acts</source>
        <translation>Печать выбранных актов</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="182" />
        <source>Administration</source>
        <translation>Администрирование</translation>
    </message>
</context>
<context>
    <name>PasswordGate</name>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="48" />
        <source>Office</source>
        <translation>Офис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="52" />
        <source>Office password</source>
        <translation>Пароль офиса</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="53" />
        <source>The same password again</source>
        <translation>Тот же пароль ещё раз</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="85" />
        <source>First start: choose the office password (at least 8 characters). It protects the acts.</source>
        <translation>Первый запуск: придумайте пароль офиса (не короче 8 знаков). Он защищает акты.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="87" />
        <source>Set the password</source>
        <translation>Задать пароль</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="89" />
        <source>Enter the office password.</source>
        <translation>Введите пароль офиса.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="90" />
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="126" />
        <source>Too many wrong passwords. Try again in {n} min.</source>
        <translation>Слишком много неверных паролей. Повторите через {n} мин.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="128" />
        <source>Wrong password.</source>
        <translation>Неверный пароль.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_window.py" line="130" />
        <source>Wrong password. Tries left: {count}.</source>
        <translation>Неверный пароль. Осталось попыток: {count}.</translation>
    </message>
</context>
<context>
    <name>PaymentPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="26" />
        <source>e.g. connection, cable, router</source>
        <translation>например, подключение, кабель, роутер</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="29" />
        <source>e.g. 1500</source>
        <translation>например, 1500</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="30" />
        <source>Add line</source>
        <translation>Добавить строку</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="34" />
        <source>Remove selected line</source>
        <translation>Удалить выбранную строку</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="35" />
        <source>cash received, ₽</source>
        <translation>получено наличными, ₽</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="36" />
        <source>change given, ₽ (0 if none)</source>
        <translation>выдано сдачи, ₽ (0, если без сдачи)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="38" />
        <source>BSO series and number, as on the form</source>
        <translation>Серия и номер БСО, как на бланке</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="41" />
        <source>Save the payment</source>
        <translation>Сохранить оплату</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="69" />
        <source>What for</source>
        <translation>За что</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="56" />
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="57" />
        <source>Price, ₽</source>
        <translation>Цена, ₽</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="60" />
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="62" />
        <source>Change given</source>
        <translation>Сдача</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="64" />
        <source>BSO number</source>
        <translation>Номер БСО</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="67" />
        <source>Payment (strict-reporting receipt)</source>
        <translation>Оплата (бланк строгой отчётности)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="68" />
        <source>Explain what the sum consists of before filling in the BSO.</source>
        <translation>Перед заполнением БСО объясните Абоненту, из чего складывается сумма.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="114" />
        <source>Total due: {total}</source>
        <translation>К оплате: {total}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="122" />
        <source>credited to the personal account: {sum}</source>
        <translation>на лицевой счёт: {sum}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="124" />
        <source>no change: write the BSO for the whole {sum}</source>
        <translation>без сдачи: БСО на всю сумму {sum}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="144" />
        <source>No payment recorded. Leave it so if the subscriber pays nothing at the visit.</source>
        <translation>Оплата не записана. Оставьте так, если Абонент ничего не платит при визите.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/payment_panel.py" line="153" />
        <source>Saved: total {total}, received {received}, change {change}, to the account {credited}, BSO {bso}</source>
        <translation>Сохранено: итого {total}, получено {received}, сдача {change}, на лицевой счёт {credited}, БСО {bso}</translation>
    </message>
</context>
<context>
    <name>PhoneEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="215" />
        <source>Phone number bound to the contract</source>
        <translation>Номер, привязанный к договору</translation>
    </message>
</context>
<context>
    <name>PhotoScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/photo_screen.py" line="62" />
        <source>Retake selected</source>
        <translation>Переснять выбранное</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/photo_screen.py" line="63" />
        <source>Remove selected</source>
        <translation>Удалить выбранное</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/photo_screen.py" line="64" />
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/photo_screen.py" line="94" />
        <source>This item takes at most {most} photos. Select one and press "Retake selected".</source>
        <translation>К этому пункту — не больше {most} фото. Выберите одно и нажмите «Переснять выбранное».</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/photo_screen.py" line="117" />
        <source>The photo could not be saved.</source>
        <translation>Фото не удалось сохранить.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/photo_screen.py" line="143" />
        <source>Photos: {count} of at most {most}</source>
        <translation>Фото: {count} из {most} возможных</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/photo_strip.py" line="30" />
        <source>Photos</source>
        <translation>Фото</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/photo_strip.py" line="40" />
        <source>Photos: {count} (needed when there are any; at most {most})</source>
        <translation>Фото: {count} (нужно, если они были; не больше {most})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/photo_strip.py" line="44" />
        <source>Photos: {count}, needed at least {least} (at most {most})</source>
        <translation>Фото: {count}, нужно не меньше {least} (не больше {most})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/photo_strip.py" line="48" />
        <source>Photos: {count} (optional, at most {most})</source>
        <translation>Фото: {count} (по желанию, не больше {most})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/photo_strip.py" line="51" />
        <source>Take photo</source>
        <translation>Снять</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/photo_strip.py" line="51" />
        <source>Photos ({count})</source>
        <translation>Фото ({count})</translation>
    </message>
</context>
<context>
    <name>PhotosTab</name>
    <message>
        <location filename="../../src/fieldact/ui/office_photos.py" line="56" />
        <location filename="../../src/fieldact/ui/office_photos.py" line="111" />
        <source>No photos in this act.</source>
        <translation>В этом акте нет фото.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_photos.py" line="72" />
        <location filename="../../src/fieldact/ui/office_photos.py" line="93" />
        <source>Actual size</source>
        <translation>Натуральная величина</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_photos.py" line="109" />
        <source>{count} photo(s), each the one the act names by its SHA-256.</source>
        <translation>Фото: {count}; каждое — то, что акт называет по SHA-256.</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/pin_pad.py" line="21" />
        <location filename="../../src/fieldact/ui/widgets/pin_pad.py" line="50" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/pin_pad.py" line="50" />
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
</context>
<context>
    <name>PrecallPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="27" />
        <source>Reached, the subscriber expects me</source>
        <translation>Дозвонился, Абонент ждёт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="28" />
        <source>Not reached</source>
        <translation>Не дозвонился</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="80" />
        <source>Not reached: {n} time(s). Call again.</source>
        <translation>Не дозвонился: {n} раз(а). Позвоните ещё раз.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="85" />
        <source>in the standard's time</source>
        <translation>вовремя по стандарту</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="87" />
        <source>{n} min off the standard's time</source>
        <translation>на {n} мин не по времени стандарта</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="89" />
        <source>Called at {time}, {verdict}</source>
        <translation>Звонок в {time}, {verdict}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/precall_panel.py" line="91" />
        <source>Called at {time}</source>
        <translation>Звонок в {time}</translation>
    </message>
</context>
<context>
    <name>QualityScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="261" />
        <source>All kinds</source>
        <translation>Все виды</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="261" />
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="261" />
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="263" />
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="268" />
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="270" />
        <source>to</source>
        <translation>по</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="279" />
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="279" />
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="281" />
        <source>Item</source>
        <translation>Пункт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="281" />
        <source>Not needed</source>
        <translation>«Не требуется»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="281" />
        <source>Not done</source>
        <translation>«Не выполнено»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="282" />
        <location filename="../../src/fieldact/ui/quality_screen.py" line="294" />
        <source>Visit</source>
        <translation>Визит</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="282" />
        <location filename="../../src/fieldact/ui/quality_screen.py" line="295" />
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="282" />
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="282" />
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="285" />
        <source>Figures</source>
        <translation>Показатели</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="286" />
        <source>Most skipped items</source>
        <translation>Чаще пропускают</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="287" />
        <source>Reasons</source>
        <translation>Причины</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="296" />
        <source>Technician</source>
        <translation>Техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="297" />
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="298" />
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="299" />
        <source>Late, min</source>
        <translation>Опоздание, мин</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="326" />
        <source>All technicians</source>
        <translation>Все техники</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="342" />
        <source>Counting…</source>
        <translation>Считаю…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="347" />
        <source>The figures could not be read: {error}</source>
        <translation>Показатели не прочитать: {error}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="358" />
        <source>Click to see the visits</source>
        <translation>Нажмите, чтобы увидеть визиты</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="380" />
        <source>Visits: {count}</source>
        <translation>Визитов: {count}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="388" />
        <source>Finding the visits…</source>
        <translation>Ищу визиты…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="412" />
        <source>Visits behind the figure: {count}</source>
        <translation>Визитов за числом: {count}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="432" />
        <source>Visit {visit} has no act.</source>
        <translation>У визита {visit} нет акта.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/quality_screen.py" line="434" />
        <source>Act {number}</source>
        <translation>Акт {number}</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <location filename="../../src/fieldact/ui/rating_panel.py" line="32" />
        <source>How did the technician do? Tap a mark from 1 to 5 (optional).</source>
        <translation>Как поработал техник? Нажмите оценку от 1 до 5 (по желанию).</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/rating_panel.py" line="35" />
        <source>A comment, if you like (before the mark)</source>
        <translation>Комментарий, если хотите (до оценки)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/rating_panel.py" line="44" />
        <source>Skip</source>
        <translation>Пропустить</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/rating_panel.py" line="73" />
        <source>Thank you for your mark: {score}.</source>
        <translation>Спасибо за оценку: {score}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/rating_panel.py" line="78" />
        <source>No mark given.</source>
        <translation>Без оценки.</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="21" />
        <location filename="../../src/fieldact/ui/review_screen.py" line="42" />
        <source>The act as it will be signed</source>
        <translation>Акт в том виде, в каком его подпишут</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="23" />
        <location filename="../../src/fieldact/ui/review_screen.py" line="45" />
        <source>Preparing the act…</source>
        <translation>Готовим акт…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="24" />
        <source>‹ Back to the visit</source>
        <translation>‹ Назад к визиту</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="26" />
        <source>Hand the tablet to the subscriber</source>
        <translation>Передать планшет Абоненту</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="51" />
        <source>{n} page(s). Comment on what the subscriber signs.</source>
        <translation>Страниц: {n}. Прокомментируйте Абоненту всё, что он подписывает.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="58" />
        <location filename="../../src/fieldact/ui/review_screen.py" line="66" />
        <source>Act {number} as stored</source>
        <translation>Акт {number}, как он сохранён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="61" />
        <source>{n} page(s).</source>
        <translation>Страниц: {n}.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/review_screen.py" line="71" />
        <source>This act was removed from the tablet after the retention period: the company's registry holds it, and the subscriber has his own copy.</source>
        <translation>Этот акт удалён с планшета по истечении срока хранения: он хранится в реестре компании, а у абонента есть свой экземпляр.</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/scan_screen.py" line="30" />
        <source>Read the code</source>
        <translation>Считать код</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/scan_screen.py" line="35" />
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/scan_screen.py" line="43" />
        <source>Hold the label's barcode or QR code in the middle of the picture.</source>
        <translation>Держите штрихкод или QR-код этикетки в середине кадра.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="155" />
        <source>Correct the act: enter your PIN</source>
        <translation>Исправление акта: введите свой PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="214" />
        <source>Technician: enter your PIN</source>
        <translation>Техник: введите PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="242" />
        <source>The act could not be saved ({error}). Nothing is lost: try again, or call support.</source>
        <translation>Акт не удалось сохранить ({error}). Ничего не потеряно: попробуйте ещё раз или позвоните в поддержку.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="253" />
        <source>Locked. Enter your PIN</source>
        <translation>Заблокировано. Введите PIN</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/shell.py" line="296" />
        <source>Enter your PIN to close the app</source>
        <translation>Введите PIN, чтобы закрыть программу</translation>
    </message>
</context>
<context>
    <name>SignatureField</name>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="628" />
        <source>Undo</source>
        <translation>Отменить штрих</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="629" />
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="258" />
        <location filename="../../src/fieldact/ui/signature_pad.py" line="611" />
        <source>Signature pad</source>
        <translation>Поле для подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signature_pad.py" line="591" />
        <source>Sign here</source>
        <translation>Подпишите здесь</translation>
    </message>
</context>
<context>
    <name>SigningScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="44" />
        <source>Your surname, first name and patronymic</source>
        <translation>Ваши фамилия, имя и отчество</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="48" />
        <source>Sign the act</source>
        <translation>Подписать акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="50" />
        <source>I refuse to sign</source>
        <translation>Отказываюсь подписывать</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="52" />
        <source>Why do you refuse? The technician records it</source>
        <translation>Почему Вы отказываетесь? Техник запишет причину</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="53" />
        <source>Record the refusal</source>
        <translation>Записать отказ</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="54" />
        <source>Technician</source>
        <translation>Техник</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="55" />
        <source>Open the act</source>
        <translation>Открыть акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="60" />
        <source>Fit the width</source>
        <translation>По ширине</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="61" />
        <source>‹ Back to signing</source>
        <translation>‹ Вернуться к подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="66" />
        <source>Saving the signed act…</source>
        <translation>Сохраняем подписанный акт…</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="94" />
        <source>Who signs: surname, first name, patronymic</source>
        <translation>Кто подписывает: фамилия, имя, отчество</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="162" />
        <source>{name}, please check the work and sign</source>
        <translation>{name}, проверьте, пожалуйста, работу и подпишите акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="171" />
        <source>Address: {address}, contract {contract}</source>
        <translation>Адрес: {address}, договор {contract}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="174" />
        <source>Services: {services}</source>
        <translation>Услуги: {services}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="185" />
        <source>Checked with you: {facts}</source>
        <translation>Проверено вместе с вами: {facts}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="188" />
        <source>Materials: {used}</source>
        <translation>Материалы: {used}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="200" />
        <source>Received {received}: for services {total}, change given {change}, to your personal account {credited}</source>
        <translation>Получено {received}: за услуги {total}, сдача {change}, на лицевой счёт {credited}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="213" />
        <source>By signing you confirm the work above.</source>
        <translation>Подписывая, Вы подтверждаете работы, перечисленные выше.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="223" />
        <source>Write your surname and first name under the signature.</source>
        <translation>Напишите под подписью свои фамилию и имя.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/signing_screen.py" line="237" />
        <source>Say why, in a few words.</source>
        <translation>Напишите причину в нескольких словах.</translation>
    </message>
</context>
<context>
    <name>SpeedEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="77" />
        <source>download</source>
        <translation>входящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="78" />
        <source>upload</source>
        <translation>исходящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="81" />
        <source>Down</source>
        <translation>Входящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="81" />
        <source>Up</source>
        <translation>Исходящая</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="84" />
        <source>Mbit/s</source>
        <translation>Мбит/с</translation>
    </message>
</context>
<context>
    <name>StandardScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="46" />
        <source>Service standard</source>
        <translation>Стандарт обслуживания</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="58" />
        <source>‹ Back</source>
        <translation>‹ Назад</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="106" />
        <source>General rules</source>
        <translation>Общие правила</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="119" />
        <source>All day</source>
        <translation>Весь день</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="120" />
        <source>At the start of the day</source>
        <translation>В начале дня</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="121" />
        <source>Before leaving for the addresses</source>
        <translation>Перед выездом по адресам</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="152" />
        <source>Checklist</source>
        <translation>Чек-лист</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="158" />
        <source>Phrases</source>
        <translation>Фразы</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="158" />
        <source>Wishes</source>
        <translation>Пожелания (правило ППП)</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="165" />
        <source>when it applies</source>
        <translation>по ситуации</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/standard_screen.py" line="167" />
        <source>if: {question}</source>
        <translation>если: {question}</translation>
    </message>
</context>
<context>
    <name>Stepper</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/stepper.py" line="36" />
        <source>Less</source>
        <translation>Меньше</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/stepper.py" line="37" />
        <source>More</source>
        <translation>Больше</translation>
    </message>
</context>
<context>
    <name>TestCallEditor</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="113" />
        <source>Incoming call works</source>
        <translation>Входящий звонок проходит</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/evidence.py" line="114" />
        <source>Outgoing call works</source>
        <translation>Исходящий звонок проходит</translation>
    </message>
</context>
<context>
    <name>TimePicker</name>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="18" />
        <source>Mon</source>
        <translation>пн</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="19" />
        <source>Tue</source>
        <translation>вт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="20" />
        <source>Wed</source>
        <translation>ср</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="21" />
        <source>Thu</source>
        <translation>чт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="22" />
        <source>Fri</source>
        <translation>пт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="23" />
        <source>Sat</source>
        <translation>сб</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="24" />
        <source>Sun</source>
        <translation>вс</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="58" />
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="60" />
        <source>Hour</source>
        <translation>Час</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="62" />
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="76" />
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="77" />
        <source>tomorrow</source>
        <translation>завтра</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="87" />
        <source>Tomorrow morning</source>
        <translation>Завтра утром</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="88" />
        <source>Tomorrow afternoon</source>
        <translation>Завтра днём</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="89" />
        <source>Tomorrow evening</source>
        <translation>Завтра вечером</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="90" />
        <source>The day after, morning</source>
        <translation>Послезавтра утром</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/widgets/time_picker.py" line="133" />
        <source>Chosen: {day}, {time}</source>
        <translation>Выбрано: {day}, {time}</translation>
    </message>
</context>
<context>
    <name>UnlockPrompt</name>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="176" />
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="210" />
        <source>Too many wrong PINs. Only the office can unlock you now: call them.</source>
        <translation>Слишком много неверных PIN. Теперь разблокировать может только офис: позвоните туда.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="213" />
        <source>Too many wrong PINs. Wait a few minutes.</source>
        <translation>Слишком много неверных PIN. Подождите несколько минут.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/login_screen.py" line="215" />
        <source>Wrong PIN. Tries left: {count}.</source>
        <translation>Неверный PIN. Осталось попыток: {count}.</translation>
    </message>
</context>
<context>
    <name>VisitScreen</name>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="95" />
        <source>I am here</source>
        <translation>Я на месте</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="99" />
        <source>Open the act</source>
        <translation>Открыть акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="101" />
        <source>Correct the act</source>
        <translation>Исправить акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="131" />
        <source>What blocks signing?</source>
        <translation>Что мешает подписать?</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="133" />
        <source>‹ Day</source>
        <translation>‹ День</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="135" />
        <source>Next stage ›</source>
        <translation>Следующий этап ›</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="137" />
        <source>Review the act</source>
        <translation>Просмотреть акт</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="215" />
        <source>contract {number}</source>
        <translation>договор {number}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="234" />
        <source>Pre-call {time}</source>
        <translation>Звонок {time}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="237" />
        <source>Arrived {time}</source>
        <translation>На месте {time}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="251" />
        <source>on time</source>
        <translation>вовремя</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="253" />
        <source>late by {n} min</source>
        <translation>опоздание {n} мин</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="254" />
        <source>early by {n} min</source>
        <translation>раньше на {n} мин</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="260" />
        <source>Signed: act {number}. Only shown; a change is a corrected act.</source>
        <translation>Подписан: акт {number}. Только просмотр; изменить можно исправленным актом.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="262" />
        <source>The subscriber refused to sign: act {number}. Only shown.</source>
        <translation>Абонент отказался подписать: акт {number}. Только просмотр.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="265" />
        <source>Rescheduled ({why}). Only shown.</source>
        <translation>Перенесён ({why}). Только просмотр.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="266" />
        <source>Cancelled. Only shown.</source>
        <translation>Отменён. Только просмотр.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="277" />
        <source>The phone number is copied.</source>
        <translation>Номер телефона скопирован.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="313" />
        <source>not done: {n}</source>
        <translation>не выполнено: {n}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="480" />
        <source>Answered by the pre-call's outcome below, with its time.</source>
        <translation>Отмечается итогом звонка (кнопки ниже) с его временем.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="481" />
        <source>Answered by «I am here», with its time.</source>
        <translation>Отмечается кнопкой «Я на месте» с её временем.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="523" />
        <source>Phrases: </source>
        <translation>Фразы: </translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="525" />
        <source>Wishes: </source>
        <translation>Пожелания: </translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="529" />
        <source>Rules of this stage ({n})</source>
        <translation>Правила этапа ({n})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="602" />
        <source>Not saved yet; the tablet keeps trying.</source>
        <translation>Не сохранено; планшет пробует снова.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="632" />
        <source>Ready to sign.</source>
        <translation>Можно подписывать.</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/visit_screen.py" line="632" />
        <source>{n} open before signing</source>
        <translation>Не отмечено до подписания: {n}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="13" />
        <source>TV</source>
        <translation>Телевидение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="14" />
        <source>Internet</source>
        <translation>Интернет</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="15" />
        <source>Phone</source>
        <translation>Телефония</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="22" />
        <source>Connection</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="23" />
        <source>Service</source>
        <translation>Сервис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="30" />
        <source>planned</source>
        <translation>запланирован</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="31" />
        <source>in progress</source>
        <translation>в работе</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="32" />
        <source>awaiting signature</source>
        <translation>ждёт подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="33" />
        <source>signed</source>
        <translation>подписан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="34" />
        <source>refused to sign</source>
        <translation>отказ от подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="35" />
        <source>rescheduled</source>
        <translation>перенесён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="36" />
        <source>cancelled</source>
        <translation>отменён</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="52" />
        <source>not marked</source>
        <translation>не отмечено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="53" />
        <source>done</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="54" />
        <source>not applicable</source>
        <translation>не требуется</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="55" />
        <source>not done</source>
        <translation>не выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="65" />
        <source>arrival on time</source>
        <translation>прибытие вовремя</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="67" />
        <source>arrival late by {n} min</source>
        <translation>опоздание {n} мин</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="69" />
        <source>arrival not recorded</source>
        <translation>прибытие не отмечено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="72" />
        <source>pre-call on time</source>
        <translation>звонок вовремя</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="74" />
        <source>required items done</source>
        <translation>обязательные пункты выполнены</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="75" />
        <source>closing done</source>
        <translation>завершение контакта выполнено</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="80" />
        <source>Minutes per stage: {minutes}</source>
        <translation>Минут по этапам: {minutes}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/labels.py" line="84" />
        <source>The standard:</source>
        <translation>Стандарт:</translation>
    </message>
</context>
<context>
    <name>office</name>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="25" />
        <source>signed</source>
        <translation>подписан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="26" />
        <source>refused to sign</source>
        <translation>отказ от подписи</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_filters.py" line="27" />
        <source>superseded</source>
        <translation>заменён исправленным</translation>
    </message>
</context>
<context>
    <name>trail</name>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="59" />
        <source>the app</source>
        <translation>приложение</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="60" />
        <source>the office</source>
        <translation>офис</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="80" />
        <source>Reason: {reason}</source>
        <translation>Причина: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="93" />
        <source>Visit created: {kind}</source>
        <translation>Визит создан: {kind}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="97" />
        <source>Visit created</source>
        <translation>Визит создан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="103" />
        <source>«{item}»: the mark was taken back</source>
        <translation>«{item}»: отметка снята</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="104" />
        <source>«{item}»: {state}</source>
        <translation>«{item}»: {state}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="111" />
        <source>Closing, «{item}»: {state}</source>
        <translation>Завершение, «{item}»: {state}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="119" />
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="121" />
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="123" />
        <source>«{question}» — {answer}</source>
        <translation>«{question}» — {answer}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="133" />
        <source>Stage «{done}» completed; now «{stage}»</source>
        <translation>Этап «{done}» пройден, теперь «{stage}»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="136" />
        <source>Stage «{stage}» opened</source>
        <translation>Открыт этап «{stage}»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="142" />
        <source>Payment removed</source>
        <translation>Оплата удалена</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="143" />
        <source>Payment: {total} due, {received} received</source>
        <translation>Оплата: к оплате {total}, получено {received}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="152" />
        <source>Branch «{branch}»</source>
        <translation>Ветка «{branch}»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="153" />
        <source>Branch «{branch}»: {outcome}</source>
        <translation>Ветка «{branch}»: {outcome}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="163" />
        <source>Visit status: {status}</source>
        <translation>Статус визита: {status}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="170" />
        <source>Act {number} v{version} signed by the subscriber</source>
        <translation>Абонент подписал акт {number} в.{version}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="173" />
        <source>The subscriber refused to sign act {number} v{version}</source>
        <translation>Абонент отказался подписать акт {number} в.{version}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="189" />
        <source>Order {request} received</source>
        <translation>Получена заявка {request}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="192" />
        <source>Order {request} changed</source>
        <translation>Заявка {request} изменена</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="195" />
        <source>Pre-call made</source>
        <translation>Предварительный звонок сделан</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="196" />
        <source>Pre-call not answered (try {attempt})</source>
        <translation>Абонент не ответил на предварительный звонок (попытка {attempt})</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="199" />
        <source>Expected arrival: {time}</source>
        <translation>Ожидаемое время прибытия: {time}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="202" />
        <source>The technician arrived</source>
        <translation>Техник на месте</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="207" />
        <source>Material added: {name}, {quantity}</source>
        <translation>Добавлен материал: {name}, {quantity}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="210" />
        <source>Material removed: {name}</source>
        <translation>Удалён материал: {name}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="214" />
        <source>Photo retaken: «{item}»</source>
        <translation>Фото переснято: «{item}»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="216" />
        <source>Photo taken: «{item}»</source>
        <translation>Сделано фото: «{item}»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="218" />
        <source>Photo removed: «{item}»</source>
        <translation>Фото удалено: «{item}»</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="222" />
        <source>Device installed: {name} № {serial}</source>
        <translation>Установлено устройство: {name} № {serial}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="224" />
        <source>Device taken away: {name} № {serial}</source>
        <translation>Снято устройство: {name} № {serial}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="226" />
        <source>Device struck out: {name} № {serial}</source>
        <translation>Запись об устройстве удалена: {name} № {serial}</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="234" />
        <source>Correction of the act started</source>
        <translation>Начато исправление акта</translation>
    </message>
    <message>
        <location filename="../../src/fieldact/ui/office_trail.py" line="235" />
        <source>Keeping of the standard measured</source>
        <translation>Соблюдение стандарта подсчитано</translation>
    </message>
</context>
</TS>