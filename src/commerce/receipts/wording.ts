/** Every word printed on a receipt or credit note, in the buyer's language. */
export const RECEIPT_WORDS = {
  es: {
    receipt: 'COMPROBANTE DE PAGO',
    credit_note: 'NOTA DE CRÉDITO',
    number: 'Número',
    issuedOn: 'Fecha de emisión',
    creditFor: 'Corrige el comprobante',
    seller: 'Vendedor',
    buyer: 'Cliente',
    taxId: 'Identificación fiscal',
    description: 'Concepto',
    quantity: 'Cant.',
    unitPrice: 'Precio unit.',
    amount: 'Importe',
    taxBase: 'Base imponible',
    total: 'Total',
    method: 'Medio de pago',
    reason: 'Motivo',
    taxIncluded: (tax: string) => `Precios con ${tax} incluido.`,
    noTax: 'Operación sin impuesto.',
    methods: { card: 'Tarjeta', bank_transfer: 'Transferencia bancaria', cash: 'Efectivo', deposit: 'Depósito' } as Record<string, string>,
  },
  en: {
    receipt: 'RECEIPT',
    credit_note: 'CREDIT NOTE',
    number: 'Number',
    issuedOn: 'Date of issue',
    creditFor: 'Corrects receipt',
    seller: 'Seller',
    buyer: 'Customer',
    taxId: 'Tax id',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    amount: 'Amount',
    taxBase: 'Tax base',
    total: 'Total',
    method: 'Payment method',
    reason: 'Reason',
    taxIncluded: (tax: string) => `Prices include ${tax}.`,
    noTax: 'No tax applies.',
    methods: { card: 'Card', bank_transfer: 'Bank transfer', cash: 'Cash', deposit: 'Deposit' } as Record<string, string>,
  },
} as const

export type ReceiptLanguage = keyof typeof RECEIPT_WORDS

export const receiptLanguage = (value: unknown): ReceiptLanguage => (value === 'en' ? 'en' : 'es')

export const methodName = (method: string | null | undefined, language: ReceiptLanguage) => RECEIPT_WORDS[language].methods[method ?? 'card'] ?? String(method ?? '')
