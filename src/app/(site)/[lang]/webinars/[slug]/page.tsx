import { ItemPage, itemTitle, type ItemPageProps } from '@/site/ItemPage'

export const generateMetadata = (props: ItemPageProps) => itemTitle('webinars', props)

export default function WebinarPage(props: ItemPageProps) {
  return <ItemPage kind="webinars" {...props} />
}
