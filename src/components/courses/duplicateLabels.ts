/** The duplicate dialog's words, in the admin's two languages. */
const labels = {
  es: {
    button: 'Duplicar curso',
    title: 'Duplicar curso (nueva edición)',
    explain: 'Se crea una copia en borrador con el mismo contenido, precios, módulos y sesiones. Todas las fechas (curso, módulos, sesiones y preventa) se mueven los días que indiques; los cupos ocupados vuelven a cero.',
    unsaved: 'Tienes cambios sin guardar: la copia se hace de la versión guardada.',
    shiftLabel: 'Mover las fechas (días)',
    shiftHint: 'Por ejemplo 7 = una semana después; 0 = mismas fechas; un número negativo adelanta las fechas.',
    newStart: (day: string) => `La copia empezará el ${day}.`,
    confirm: 'Duplicar',
    cancel: 'Cancelar',
    done: (title: string) => `Curso duplicado: «${title}».`,
  },
  en: {
    button: 'Duplicate course',
    title: 'Duplicate course (new run)',
    explain: 'Creates a draft copy with the same content, prices, modules and sessions. Every date (course, modules, sessions and early-bird deadline) moves by the days you enter; seats taken go back to zero.',
    unsaved: 'You have unsaved changes: the copy is made from the saved version.',
    shiftLabel: 'Move dates by (days)',
    shiftHint: 'E.g. 7 = one week later; 0 = same dates; a negative number moves them earlier.',
    newStart: (day: string) => `The copy will start on ${day}.`,
    confirm: 'Duplicate',
    cancel: 'Cancel',
    done: (title: string) => `Course duplicated: “${title}”.`,
  },
}

export const duplicateLabelsFor = (language: string | undefined) => (language === 'en' ? labels.en : labels.es)
