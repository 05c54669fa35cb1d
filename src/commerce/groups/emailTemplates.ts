import type { EmailLocale } from "../../email/templateVariables";

type Copy = { subject: string; body: string };

const p = (...lines: string[]) =>
  lines.map((line) => `<p>${line}</p>`).join("\n");

/** The buyer's email once a group booking is confirmed (seeded with the others by src/seed/emailTemplates.ts). */
export const GROUP_BOOKING_TEMPLATES: Record<
  "group_booking_confirmed",
  Record<EmailLocale, Copy>
> = {
  group_booking_confirmed: {
    es: {
      subject: "Reserva confirmada: {{seats}} cupos en {{title}}",
      body:
        p(
          "Hola {{firstName}}:",
          "Tu reserva de grupo para <strong>{{title}}</strong> ({{startsAt}}) está confirmada: {{seats}} cupos, total {{amount}} {{currency}}.",
          "Estas personas tienen su cupo. Cada una recibe su propia confirmación, el archivo de calendario y los recordatorios en su correo:",
        ) +
        // A list is a block of its own: inside a <p> the rich-text editor would rewrite it.
        "\n{{attendeeList}}\n" +
        p(
          'Si necesitas cambiar a alguno de los asistentes antes del inicio, hazlo aquí: <a href="{{manageUrl}}">cambiar asistentes</a>.',
          "Gracias por confiar en nosotros.<br>El equipo de Aula",
        ),
    },
    en: {
      subject: "Booking confirmed: {{seats}} seats for {{title}}",
      body:
        p(
          "Hi {{firstName}},",
          "Your group booking for <strong>{{title}}</strong> ({{startsAt}}) is confirmed: {{seats}} seats, {{amount}} {{currency}} in total.",
          "These people have their seat. Each gets their own confirmation, calendar file and reminders by email:",
        ) +
        "\n{{attendeeList}}\n" +
        p(
          'If you need to replace an attendee before the start, do it here: <a href="{{manageUrl}}">replace attendees</a>.',
          "Thank you for your trust.<br>The Aula team",
        ),
    },
  },
};
