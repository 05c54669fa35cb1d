import { ItemPage, itemTitle, type ItemPageProps } from '@/site/ItemPage'

export const generateMetadata = (props: ItemPageProps) => itemTitle('courses', props)

export default function CoursePage(props: ItemPageProps) {
  return <ItemPage kind="courses" {...props} />
}
